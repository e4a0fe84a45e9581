package org.casemgmt.adapter.eligibility;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the program definitions are.
 *
 * @param programs a directory of {@code *.yaml} program files: a file-system path ({@code config/programs},
 *     {@code /etc/adapter/programs}) or a Spring resource location ({@code file:...}, {@code classpath:...}). The
 *     default is the copy of {@code config/programs} packaged with the service, which resolves from any working
 *     directory.
 */
@ConfigurationProperties("adapter.eligibility")
record EligibilityProperties(@DefaultValue("classpath:programs") String programs) {}
