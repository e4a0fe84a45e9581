package org.casemgmt.routes.adt;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The site-specific half of the ADT mapping: which identifier systems the senders' assigning authorities stand for,
 * which of a facility's services and units are psychiatric. It varies by deployment, so it is data
 * ({@code config/adt-mapping.yml}, bound from {@code adapter.adt.mapping.*}); the component names match the YAML keys
 * in kebab case. Lists left out of the YAML are empty, never null. What makes a Medicaid ID and which identifiers are
 * never stored is not ADT's to say: every feed shares it ({@link org.casemgmt.routes.clientrecord.IdentityPolicy}).
 *
 * @param timeZone                zone of HL7 times sent without a UTC offset (FHIR needs one on every time of day);
 *                                a facility may override it
 * @param identifierAuthorities   patient identifier systems by assigning authority (PID-3 / MRG-1 CX-4)
 * @param facilities              per sending facility (MSH-4): visit-number system and psychiatric services/units
 * @param codingSystems           HL7 coding-system names (CWE-3) and the FHIR code system URL each stands for
 * @param unknownFacilities       how stays at a facility not listed in {@code facilities} are classified
 */
@ConfigurationProperties("adapter.adt.mapping")
public record AdtMappingTables(
    String timeZone,
    List<IdentifierAuthority> identifierAuthorities,
    List<Facility> facilities,
    List<CodingSystem> codingSystems,
    UnknownFacilities unknownFacilities) {

  public AdtMappingTables {
    timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
    zone(timeZone, "adapter.adt.mapping.time-zone");
    identifierAuthorities = List.copyOf(Objects.requireNonNullElse(identifierAuthorities, List.of()));
    facilities = List.copyOf(Objects.requireNonNullElse(facilities, List.of()));
    codingSystems = List.copyOf(Objects.requireNonNullElse(codingSystems, List.of()));
    unknownFacilities = Objects.requireNonNullElse(unknownFacilities, new UnknownFacilities(null));
  }

  /**
   * An assigning authority whose identifiers have a known system.
   *
   * @param authority       the CX-4 namespace id or universal id (OID) as the senders write it
   * @param identifierTypes CX-5 types this entry is limited to; empty means any type
   * @param system          the FHIR identifier system
   * @param type            the v2-0203 identifier type to record (MR when left out)
   */
  public record IdentifierAuthority(String authority, List<String> identifierTypes, String system, String type) {
    public IdentifierAuthority {
      require(authority, "identifier-authorities[].authority");
      require(system, "identifier-authorities[" + authority + "].system");
      identifierTypes = upperCase(identifierTypes);
      type = type == null || type.isBlank() ? "MR" : type.trim().toUpperCase(Locale.ROOT);
    }

    boolean matches(String namespaceId, String universalId, String identifierType) {
      boolean sameAuthority = authority.equalsIgnoreCase(namespaceId) || authority.equalsIgnoreCase(universalId);
      return sameAuthority && (identifierTypes.isEmpty() || identifierTypes.contains(upper(identifierType)));
    }
  }

  /**
   * A sending facility (MSH-4) and its site-defined codes.
   *
   * @param id                      MSH-4 namespace id or universal id
   * @param visitNumberSystem       identifier system of its visit numbers (PV1-19)
   * @param psychiatricServices     PV1-10 hospital service codes that are psychiatric
   * @param psychiatricPointsOfCare PV1-3.1 points of care (units) that are psychiatric
   * @param timeZone                zone of its times without offset, when it differs from the default
   * @param statePsychiatricHospital a state psychiatric hospital: every stay there is one (some programs count a
   *                                single admission to one as impairment)
   */
  public record Facility(String id, String visitNumberSystem, List<String> psychiatricServices,
                         List<String> psychiatricPointsOfCare, String timeZone, boolean statePsychiatricHospital) {
    public Facility {
      require(id, "facilities[].id");
      psychiatricServices = upperCase(psychiatricServices);
      psychiatricPointsOfCare = upperCase(psychiatricPointsOfCare);
      if (timeZone != null) {
        zone(timeZone, "facilities[" + id + "].time-zone");
      }
    }

    boolean isPsychiatric(String hospitalService, String pointOfCare) {
      return psychiatricServices.contains(upper(hospitalService))
          || psychiatricPointsOfCare.contains(upper(pointOfCare));
    }
  }

  /**
   * Stays at a facility the tables do not list: without its services and units, only the diagnosis can tell a
   * psychiatric stay.
   *
   * @param psychiatricPrincipalDiagnoses ICD-10-CM codes or code prefixes (F20, F3): a stay whose principal
   *                                      diagnosis (the DG1 with DG1-15 priority 1, else the first) is one of them
   *                                      is classified psychiatric; empty: every such stay is medical
   */
  public record UnknownFacilities(List<String> psychiatricPrincipalDiagnoses) {
    public UnknownFacilities {
      psychiatricPrincipalDiagnoses = upperCase(psychiatricPrincipalDiagnoses).stream()
          .map(code -> code.replace(".", "")).toList();
    }

    boolean isPsychiatric(String icd10cm) {
      String code = upper(icd10cm).replace(".", "");
      return psychiatricPrincipalDiagnoses.stream().anyMatch(code::startsWith);
    }
  }

  /**
   * The names senders use for one code system in CWE-3 (or DG1-2), and its FHIR URL.
   *
   * @param names  HL7 table 0396 names and the local spellings seen in feeds, matched ignoring case
   * @param system the FHIR code system URL
   */
  public record CodingSystem(List<String> names, String system) {
    public CodingSystem {
      names = upperCase(names);
      require(system, "coding-systems[].system");
    }
  }

  Optional<Facility> facility(HierarchicDesignator sendingFacility) {
    return facilities.stream()
        .filter(f -> f.id().equalsIgnoreCase(sendingFacility.namespaceId())
            || f.id().equalsIgnoreCase(sendingFacility.universalId()))
        .findFirst();
  }

  Optional<IdentifierAuthority> identifierAuthority(String namespaceId, String universalId, String type) {
    return identifierAuthorities.stream().filter(a -> a.matches(namespaceId, universalId, type)).findFirst();
  }

  Optional<String> codingSystem(String name) {
    String key = upper(name);
    return codingSystems.stream().filter(c -> c.names().contains(key)).map(CodingSystem::system).findFirst();
  }

  ZoneId zoneOf(HierarchicDesignator sendingFacility) {
    return zone(facility(sendingFacility).map(Facility::timeZone).orElse(timeZone), "time-zone");
  }

  private static ZoneId zone(String id, String key) {
    try {
      return ZoneId.of(id.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("adapter.adt.mapping " + key + ": '" + id + "' is not a time zone id", e);
    }
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("adapter.adt.mapping " + key + " is required");
    }
  }

  private static List<String> upperCase(List<String> values) {
    return Objects.requireNonNullElse(values, List.<String>of()).stream().map(AdtMappingTables::upper).toList();
  }

  private static String upper(String value) {
    return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
  }
}
