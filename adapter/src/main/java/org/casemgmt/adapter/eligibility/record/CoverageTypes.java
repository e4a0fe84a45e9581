package org.casemgmt.adapter.eligibility.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.casemgmt.adapter.eligibility.evidence.PayerKind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which Coverage types count as Medicaid and which as state funding ({@code config/eligibility-evidence.yml}), each
 * a list of {@code system|code}; coverage of any other type is known but satisfies no payer criterion. A malformed
 * entry or a misspelt key stops start-up.
 *
 * @param medicaid Coverage.type codings of Medicaid coverage
 * @param stateFunded Coverage.type codings of state-funded coverage
 */
@ConfigurationProperties(prefix = "adapter.eligibility.coverage-types", ignoreUnknownFields = false)
public record CoverageTypes(List<String> medicaid, List<String> stateFunded) {

  public CoverageTypes {
    medicaid = List.copyOf(Objects.requireNonNullElse(medicaid, List.of()));
    stateFunded = List.copyOf(Objects.requireNonNullElse(stateFunded, List.of()));
    List<String> malformed = new ArrayList<>();
    medicaid.stream().filter(CoverageTypes::malformed).map(entry -> "medicaid: " + entry).forEach(malformed::add);
    stateFunded.stream().filter(CoverageTypes::malformed).map(entry -> "state-funded: " + entry)
        .forEach(malformed::add);
    if (!malformed.isEmpty()) {
      throw new IllegalArgumentException("adapter.eligibility.coverage-types entries are system|code; not "
          + String.join(", ", malformed));
    }
  }

  /** Medicaid when any coding of the type is listed as Medicaid, else state-funded when listed so, else other. */
  PayerKind payerOf(CodeableConcept type) {
    List<String> codings = type.getCoding().stream()
        .map(coding -> coding.getSystem() + "|" + coding.getCode()).toList();
    if (codings.stream().anyMatch(medicaid::contains)) {
      return PayerKind.MEDICAID;
    }
    return codings.stream().anyMatch(stateFunded::contains) ? PayerKind.STATE_FUNDED : PayerKind.OTHER;
  }

  private static boolean malformed(String entry) {
    int bar = entry.indexOf('|');
    return bar <= 0 || bar == entry.length() - 1 || entry.indexOf('|', bar + 1) >= 0;
  }
}
