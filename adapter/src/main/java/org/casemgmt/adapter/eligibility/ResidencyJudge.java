package org.casemgmt.adapter.eligibility;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.casemgmt.adapter.eligibility.evidence.AddressFact;
import org.casemgmt.adapter.eligibility.program.Criterion;

/**
 * The address current on the evaluation date lies in the service area. When several are current (a new address
 * recorded before the old one was closed), the one that started last is taken as where the client lives now.
 */
final class ResidencyJudge {

  Judgement judge(Criterion.Residency rule, Evaluation evaluation) {
    List<AddressFact> addresses = evaluation.evidence().addresses();
    for (AddressFact address : addresses) {
      evaluation.inputsChangeOn(address.start());
      evaluation.inputsChangeOn(address.end() == null ? null : address.end().plusDays(1));
    }
    Optional<AddressFact> current = addresses.stream()
        .filter(address -> address.currentOn(evaluation.date()))
        .max(Comparator.comparing(AddressFact::start, Comparator.nullsFirst(Comparator.naturalOrder())));
    if (current.isEmpty()) {
      return result(rule, CriterionResult.UNKNOWN, "No address current on " + evaluation.date(), List.of(),
          "no residency address");
    }
    AddressFact address = current.get();
    List<EvidenceUsed> used = List.of(new EvidenceUsed(address.reference(), address.start(), describe(address)));
    if (address.state() == null) {
      return result(rule, CriterionResult.UNKNOWN, "The current address has no state", used,
          "no state in the residency address");
    }
    if (!address.state().equalsIgnoreCase(rule.state())) {
      return result(rule, CriterionResult.NOT_MET, "Address in " + describe(address) + ", outside " + rule.state(),
          used, null);
    }
    boolean wholeState = rule.counties().isEmpty() && rule.postalCodes().isEmpty();
    String county = address.county() == null ? null : Criterion.Residency.countyKey(address.county());
    String zip = address.postalCode() == null || address.postalCode().length() < 5 ? null
        : address.postalCode().substring(0, 5);
    if (wholeState || county != null && rule.counties().contains(county)
        || zip != null && rule.postalCodes().contains(zip)) {
      return result(rule, CriterionResult.MET, "Address in " + describe(address) + ", in the service area", used,
          null);
    }
    // A county or ZIP code the address lacks might have placed it in the area.
    if (!rule.counties().isEmpty() && county == null || !rule.postalCodes().isEmpty() && zip == null) {
      return result(rule, CriterionResult.UNKNOWN, "Address in " + describe(address)
          + " without the county or ZIP code that would place it", used, "no county or ZIP code in the address");
    }
    return result(rule, CriterionResult.NOT_MET, "Address in " + describe(address) + ", outside the service area",
        used, null);
  }

  private static String describe(AddressFact address) {
    StringBuilder text = new StringBuilder();
    if (address.county() != null) {
      text.append(address.county()).append(" county, ");
    }
    text.append(address.state() == null ? "unknown state" : address.state());
    if (address.postalCode() != null) {
      text.append(' ').append(address.postalCode());
    }
    return text.toString();
  }

  private static Judgement result(Criterion.Residency rule, CriterionResult result, String explanation,
      List<EvidenceUsed> evidence, String missing) {
    return new Judgement(rule.id(), result, explanation, evidence, null, null, List.of(),
        missing == null ? List.of() : List.of(missing));
  }
}
