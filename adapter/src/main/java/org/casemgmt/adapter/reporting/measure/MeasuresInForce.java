package org.casemgmt.adapter.reporting.measure;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.casemgmt.adapter.reporting.measure.MeasureGroup.Population;
import org.casemgmt.profiles.ImplementationGuide;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Measure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Serves each configured measure as {@code Measure/<id>}, written at start-up from {@code config/measures.yml}
 * (HAPI keeps an unchanged one as it is), so that a reporting system can read what a MeasureReport counted.
 */
@Component
class MeasuresInForce {
  /** The Quality Measure IG's extensions for what R4's Measure cannot say: a group's own scoring, an aggregate. */
  static final String GROUP_SCORING = "http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-scoring";
  static final String AGGREGATE_METHOD = "http://hl7.org/fhir/us/cqfmeasures/StructureDefinition/cqfm-aggregateMethod";
  private static final Logger log = LoggerFactory.getLogger(MeasuresInForce.class);
  private final MeasureProperties properties;
  private final DaoRegistry daos;

  MeasuresInForce(MeasureProperties properties, DaoRegistry daos) {
    this.properties = properties;
    this.daos = daos;
  }

  static String url(String id) {
    return ImplementationGuide.CANONICAL + "/Measure/" + id;
  }

  @EventListener(ApplicationReadyEvent.class)
  void publish() {
    properties.measures().forEach((id, definition) ->
        daos.getResourceDao(Measure.class).update(measure(id, definition), new SystemRequestDetails()));
    log.info("Measures served: {}", String.join(", ", properties.measures().keySet()));
  }

  static Measure measure(String id, MeasureDefinition definition) {
    Measure measure = new Measure().setUrl(url(id)).setName(id.replace('-', '_')).setTitle(definition.title())
        .setStatus(Enumerations.PublicationStatus.ACTIVE).setDescription(definition.description())
        .setScoring(scoring(definition.kind().scoring()));
    if (definition.improvement() != null) {
      measure.setImprovementNotation(improvement(definition.improvement()));
    }
    measure.setId(id);
    for (MeasureGroup spec : definition.groups()) {
      Measure.MeasureGroupComponent group = measure.addGroup();
      group.setId(spec.id());
      group.setDescription(spec.description());
      if (spec.scoring() != null) {
        group.addExtension(GROUP_SCORING, scoring(spec.scoring()));
      }
      for (Population population : spec.populations()) {
        Measure.MeasureGroupPopulationComponent defined = group.addPopulation()
            .setCode(new CodeableConcept(new Coding(population.system(), population.code(), null)))
            .setCriteria(new Expression().setLanguage("text/plain").setExpression(population.criteria()));
        if (population.aggregateMethod() != null) {
          defined.addExtension(AGGREGATE_METHOD, new CodeType(population.aggregateMethod()));
        }
      }
      spec.stratifiers().forEach(stratifier -> group.addStratifier()
          .setCode(new CodeableConcept().setText(stratifier.code())).setDescription(stratifier.description()));
    }
    return measure;
  }

  static CodeableConcept improvement(String notation) {
    return new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/measure-improvement-notation",
        notation, null));
  }

  private static CodeableConcept scoring(String code) {
    return new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/measure-scoring", code, null));
  }
}
