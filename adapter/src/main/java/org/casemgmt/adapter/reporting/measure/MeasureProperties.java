package org.casemgmt.adapter.reporting.measure;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The agency's measures by id ({@code config/measures.yml}): each is served as {@code Measure/<id>}. */
@ConfigurationProperties("adapter")
public record MeasureProperties(@DefaultValue Map<String, MeasureDefinition> measures) {}
