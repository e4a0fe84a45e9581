package org.casemgmt.adapter.reporting.measure;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.casemgmt.profiles.ImplementationGuide;
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
        .setScoring(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/measure-scoring",
            "proportion", null)))
        .setImprovementNotation(new CodeableConcept(new Coding(
            "http://terminology.hl7.org/CodeSystem/measure-improvement-notation", definition.improvement(), null)));
    measure.setId(id);
    String kinds = String.join(" or ", definition.indexEpisodes().stream().map(k -> k.code()).toList());
    String event = definition.event() == MeasureDefinition.Event.FOLLOW_UP
        ? "a visit of class " + String.join(", ", definition.followUpClasses()) : "a new " + kinds + " stay";
    for (int window : definition.windowsDays()) {
      Measure.MeasureGroupComponent group = measure.addGroup();
      group.setId(window + "-day");
      group.setDescription("Discharges followed by " + event + " on one of the " + window + " days after the"
          + " discharge day");
      population(group, "initial-population", "Discharges from " + kinds + " stays in the period, "
          + definition.observed(window) + " days after them inside it"
          + (definition.lastOfReadmissionsWithinDays() > 0 ? ", only the last of stays readmitted within "
              + definition.lastOfReadmissionsWithinDays() + " days" : ""));
      population(group, "denominator", "The initial population");
      population(group, "denominator-exclusion", "Under " + definition.minimumAge() + " on the discharge day, died"
          + " within the observed days" + (definition.continuousCoverage() == null ? ""
              : ", or without continuous " + definition.continuousCoverage() + " coverage through them"));
      population(group, "numerator", "Followed by " + event + " within " + window + " days");
      group.addStratifier().setCode(new CodeableConcept().setText("program"))
          .setDescription("The program the client was enrolled in on the discharge day");
      group.addStratifier().setCode(new CodeableConcept().setText("case-manager"))
          .setDescription("That enrollment's case manager");
    }
    return measure;
  }

  private static void population(Measure.MeasureGroupComponent group, String code, String criteria) {
    group.addPopulation().setCode(new CodeableConcept(new Coding(MeasureReports.POPULATION, code, null)))
        .setCriteria(new Expression().setLanguage("text/plain").setExpression(criteria));
  }
}
