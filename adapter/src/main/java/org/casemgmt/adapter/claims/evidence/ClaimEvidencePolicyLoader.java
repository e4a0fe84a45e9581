package org.casemgmt.adapter.claims.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.casemgmt.adapter.claims.evidence.ClaimEvidenceProperties.CodeListSource;
import org.casemgmt.routes.claims.Diagnosis;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * Builds the {@link ClaimEvidencePolicy} from its configuration and the guide's value sets. Every problem is
 * collected and reported at once, so that a wrong policy stops start-up instead of quietly finding no evidence.
 */
final class ClaimEvidencePolicyLoader {
  static final String PREFIX = "adapter.claims.evidence";
  static final String INPATIENT_BILL_TYPES = "inpatient-bill-types";
  static final String PSYCHIATRIC_ROOM_AND_BOARD = "psychiatric-room-and-board";
  static final String PSYCHIATRIC_DRGS = "psychiatric-drgs";
  static final String INPATIENT_PLACES_OF_SERVICE = "inpatient-places-of-service";
  static final String EMERGENCY_REVENUE_CODES = "emergency-revenue-codes";
  static final String EMERGENCY_PLACES_OF_SERVICE = "emergency-places-of-service";
  static final String CRISIS_PROCEDURES = "crisis-procedures";
  /** CPT codes; a code list reads one code system, and the HCPCS ones come from the next list. */
  static final String OUTPATIENT_MENTAL_HEALTH_PROCEDURES = "outpatient-mental-health-procedures";
  static final String COMMUNITY_MENTAL_HEALTH_SERVICES = "community-mental-health-services";
  static final String OUTPATIENT_MENTAL_HEALTH_PLACES_OF_SERVICE = "outpatient-mental-health-places-of-service";
  static final List<String> CODE_LISTS = List.of(INPATIENT_BILL_TYPES, PSYCHIATRIC_ROOM_AND_BOARD, PSYCHIATRIC_DRGS,
      INPATIENT_PLACES_OF_SERVICE, EMERGENCY_REVENUE_CODES, EMERGENCY_PLACES_OF_SERVICE, CRISIS_PROCEDURES,
      OUTPATIENT_MENTAL_HEALTH_PROCEDURES, COMMUNITY_MENTAL_HEALTH_SERVICES,
      OUTPATIENT_MENTAL_HEALTH_PLACES_OF_SERVICE);

  private final ValueSetCodes valueSetCodes;

  /** @param valueSets the guide's value sets by canonical URL ({@code ImplementationGuide::valueSet}) */
  ClaimEvidencePolicyLoader(Function<String, Optional<ValueSet>> valueSets) {
    this.valueSetCodes = new ValueSetCodes(valueSets);
  }

  /** @throws IllegalStateException naming every problem, with its configuration key */
  ClaimEvidencePolicy load(ClaimEvidenceProperties properties) {
    List<String> problems = new ArrayList<>();
    Map<String, CodeListSource> sources = Objects.requireNonNullElse(properties.codeLists(), Map.of());
    sources.keySet().stream().filter(key -> !CODE_LISTS.contains(key)).sorted().forEach(key -> problems.add(
        "code-lists." + key + " is not a code list the rules read (they read " + String.join(", ", CODE_LISTS) + ")"));
    Map<String, Set<String>> lists = CODE_LISTS.stream()
        .collect(Collectors.toMap(Function.identity(),
            key -> valueSetCodes.listed("code-lists." + key, sources.get(key), problems)));
    DiagnosisPrefixes psychiatric = prefixes("psychiatric-diagnoses", properties.psychiatricDiagnoses(), problems);
    DiagnosisPrefixes recorded = prefixes("recorded-diagnoses", properties.recordedDiagnoses(), problems);
    if (properties.transferGapDays() < 0) {
      problems.add("transfer-gap-days cannot be negative");
    }
    if (properties.emergencyBeforeAdmissionDays() < 0) {
      problems.add("emergency-before-admission-days cannot be negative");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(PREFIX + " (config/claims-evidence.yml) cannot be used:\n  "
          + String.join("\n  ", problems));
    }
    // Claims carry procedure codes without their code system: the CPT and HCPCS lists are one list to the rule.
    Set<String> outpatientProcedures = new TreeSet<>(lists.get(OUTPATIENT_MENTAL_HEALTH_PROCEDURES));
    outpatientProcedures.addAll(lists.get(COMMUNITY_MENTAL_HEALTH_SERVICES));
    return new ClaimEvidencePolicy(lists.get(INPATIENT_BILL_TYPES), lists.get(PSYCHIATRIC_ROOM_AND_BOARD),
        lists.get(PSYCHIATRIC_DRGS), lists.get(INPATIENT_PLACES_OF_SERVICE), lists.get(EMERGENCY_REVENUE_CODES),
        lists.get(EMERGENCY_PLACES_OF_SERVICE), lists.get(CRISIS_PROCEDURES), outpatientProcedures,
        lists.get(OUTPATIENT_MENTAL_HEALTH_PLACES_OF_SERVICE), psychiatric, recorded,
        properties.transferGapDays(), properties.emergencyBeforeAdmissionDays(), properties.deniedClaims());
  }

  private static DiagnosisPrefixes prefixes(String key, Map<String, List<String>> bySystemKey,
      List<String> problems) {
    if (bySystemKey == null || bySystemKey.isEmpty()) {
      problems.add(key + " names no code system and prefixes");
      return new DiagnosisPrefixes(Map.of());
    }
    Map<Diagnosis.CodeSystem, Set<String>> bySystem = new EnumMap<>(Diagnosis.CodeSystem.class);
    bySystemKey.forEach((systemKey, prefixes) -> {
      Optional<Diagnosis.CodeSystem> system = Arrays.stream(Diagnosis.CodeSystem.values())
          .filter(candidate -> configKey(candidate).equals(systemKey)).findFirst();
      if (system.isEmpty()) {
        problems.add(key + "." + systemKey + " is not a code system (" + Arrays.stream(Diagnosis.CodeSystem.values())
            .map(ClaimEvidencePolicyLoader::configKey).collect(Collectors.joining(", ")) + ")");
        return;
      }
      Set<String> valid = new TreeSet<>();
      for (String prefix : Objects.requireNonNullElse(prefixes, List.<String>of())) {
        String upper = prefix == null ? "" : prefix.trim().toUpperCase(Locale.ROOT);
        if (fitsClaimForm(upper, system.get())) {
          valid.add(upper);
        } else {
          problems.add(key + "." + systemKey + ": '" + prefix + "' can never match a code as claims carry it"
              + " (the dot right after the category: F20.9, 295.30)");
        }
      }
      bySystem.put(system.get(), valid);
    });
    return new DiagnosisPrefixes(bySystem);
  }

  /** Claims carry ICD codes with the dot after the category, so "F209" would silently match nothing. */
  private static boolean fitsClaimForm(String prefix, Diagnosis.CodeSystem system) {
    int category = system == Diagnosis.CodeSystem.ICD_9_CM && prefix.startsWith("E") ? 4 : 3;
    int dot = prefix.indexOf('.');
    boolean characters = !prefix.isEmpty() && prefix.replace(".", "").chars().allMatch(Character::isLetterOrDigit);
    return characters && (dot < 0 ? prefix.length() <= category : dot == category && prefix.lastIndexOf('.') == dot);
  }

  /** icd-10-cm, icd-9-cm: the code systems' keys in the configuration. */
  static String configKey(Diagnosis.CodeSystem system) {
    return system.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
