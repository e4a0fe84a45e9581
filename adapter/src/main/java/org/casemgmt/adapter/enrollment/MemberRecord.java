package org.casemgmt.adapter.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.routes.enrollment.MaintenanceType;
import org.casemgmt.routes.enrollment.MemberMaintenance;
import org.casemgmt.routes.enrollment.MemberMaintenance.CoverageChange;
import org.casemgmt.routes.enrollment.MemberOrigin;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Coverage.CoverageStatus;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * One member's client record and Medicaid coverage as the feed's records for them change it, applied in file order:
 * name, birth date, gender and residence on the Patient; status and period on the member's Coverage, one per payer
 * and insurance line. What results is compared with what is stored, so a record that changes nothing (the same file
 * content in another file, a monthly full file) writes nothing.
 *
 * <p>Absent is not deleted: a part of the member a record leaves out (middle name, birth date, gender, county, plan
 * name, benefit end) keeps what is known. An 834 has no null value; what clears is a name sent as a correction
 * (NM1*74 or 2100B NM1*70), which replaces the name whole.
 *
 * <p>Maintenance of a coverage (HD01): an addition (021) puts it in force from its benefit begin, to its benefit end
 * when it gives one; a reinstatement (025) puts it in force again, open unless it gives an end; a change (001),
 * correction (026) or audit (030) states it as it is, and what it leaves out (the end of a coverage that ended) stands;
 * a termination (024) ends it on its end date, or cancels it when that is before it began. Only an addition needs a
 * benefit begin: the others take the begin on record, and one for a coverage not on record is refused. A member's
 * termination or reinstatement without coverage loops applies to all the member's coverage from this feed: active
 * coverage ends on the eligibility end date; ended coverage is open again.
 */
final class MemberRecord {
  private final String medicaidSystem;
  private final EnrollmentProperties policy;
  private final Patient stored;
  private final Patient client;
  private final Map<String, Coverage> storedCoverage;
  private final Map<String, Coverage> coverage = new LinkedHashMap<>();
  private final List<MemberOrigin> records = new ArrayList<>();

  /** What was written for the member. */
  record Written(boolean clientCreated, boolean clientUpdated, int coverages) {
    boolean any() {
      return clientCreated || clientUpdated || coverages > 0;
    }
  }

  /**
   * @param stored         the client as stored, null when the member is new
   * @param client         the client to change: the stored one with what identity matching added, or a new one
   * @param storedCoverage the member's coverage from this feed, by its key ({@link EnrollmentResources#key})
   */
  MemberRecord(String medicaidSystem, EnrollmentProperties policy, Patient stored, Patient client,
      Map<String, Coverage> storedCoverage) {
    this.medicaidSystem = medicaidSystem;
    this.policy = policy;
    this.stored = stored;
    this.client = client;
    this.storedCoverage = storedCoverage;
  }

  /** A record the client record cannot take; the member's records are refused with it. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  void apply(MemberMaintenance member, MemberOrigin origin) {
    records.add(origin);
    demographics(member);
    if (member.address() != null) {
      Address residence = EnrollmentResources.residence(member.address(), policy.county(member.address().county()));
      if (!residence.hasDistrict()) {
        residence.setDistrict(AddressHistory.knownCounty(client.getAddress(), residence));
      }
      client.setAddress(AddressHistory.moved(client.getAddress(), residence, member.effective()));
    }
    if (member.coverages().isEmpty()) {
      wholeMember(member);
    }
    for (CoverageChange line : member.coverages()) {
      String key = EnrollmentResources.key(member.memberId(), member.payer(), line.insuranceLine());
      Coverage target = coverage.get(key);
      if (target == null && storedCoverage.containsKey(key)) {
        target = storedCoverage.get(key).copy();
      } else if (target == null && line.start() == null) {
        throw new Refused("HD01 '" + line.maintenance().code() + "' of HD03 '" + line.insuranceLine() + "': the"
            + " coverage is not on record (with payer " + member.payer().key() + ") and the loop gives no benefit"
            + " begin (DTP*348) to record it from");
      } else if (target == null) {
        target = EnrollmentResources.coverage(member, line, policy.coverageType(), medicaidSystem);
      }
      coverage.put(key, target);
      maintain(target, line);
    }
  }

  private static void maintain(Coverage target, CoverageChange line) {
    if (line.plan() != null) {
      target.getClass_().get(0).setName(line.plan());
    }
    LocalDate start = line.start() != null ? line.start() : day(target.getPeriod().getStartElement());
    switch (line.maintenance()) {
      case TERMINATION -> end(target, start, line.end());
      case ADDITION, REINSTATEMENT -> open(target, start, line.end());
      default -> open(target, start, line.end() != null || !target.getPeriod().hasEnd() ? line.end()
          : day(target.getPeriod().getEndElement()));
    }
  }

  /** A new member's client before their records apply: their Medicaid id, gender unknown until the file says. */
  static Patient newClient(Identifier medicaidId) {
    return new Patient().addIdentifier(medicaidId).setGender(AdministrativeGender.UNKNOWN);
  }

  /**
   * The new client, when the member is one: built whole from the member's records to the client profile, in every
   * shape {@code EnrollmentResourcesTest} proves. A member named by neither a family nor a given name is not: the
   * profile's validator refuses that one with its reason.
   */
  Optional<Patient> builtWhole() {
    HumanName name = client.getNameFirstRep();
    return stored == null && (name.hasFamily() || name.hasGiven()) ? Optional.of(client) : Optional.empty();
  }

  /**
   * Adds to the transaction what the records changed, with one Provenance for it naming the records. A new client's
   * identifiers must have been claimed ({@link ClientIdentity#claim}) in the same transaction.
   */
  Written write(ClientRecordChanges changes, String fileName, Date now) {
    List<String> targets = new ArrayList<>();
    String reference;
    boolean created = stored == null;
    boolean updated = !created && !stored.equalsDeep(client);
    if (created) {
      reference = changes.createKnownNew(client);
      targets.add(reference);
    } else if (updated) {
      reference = changes.update(client);
      targets.add(reference);
    } else {
      reference = changes.unchanged(stored);
    }
    boolean coverageCreated = false;
    for (Map.Entry<String, Coverage> entry : coverage.entrySet()) {
      Coverage before = storedCoverage.get(entry.getKey());
      if (before == null) {
        entry.getValue().setBeneficiary(new Reference(reference));
        targets.add(changes.createKnownNew(entry.getValue()));
        coverageCreated = true;
      } else if (!before.equalsDeep(entry.getValue())) {
        targets.add(changes.update(entry.getValue()));
      }
    }
    if (!targets.isEmpty()) {
      changes.provenance(EnrollmentResources.provenance(now, created || coverageCreated, fileName, records),
          targets.toArray(String[]::new));
    }
    return new Written(created, updated, targets.size() - (created || updated ? 1 : 0));
  }

  private void demographics(MemberMaintenance member) {
    MemberMaintenance.PersonName name = member.name();
    HumanName known = client.getName().isEmpty() ? null : client.getNameFirstRep();
    // A name left out keeps the known one; a middle name left out too, unless the given name sent is another one (a
    // record of another name) or the name is a correction, which is sent whole.
    boolean whole = member.corrected() || known == null
        || name.given() != null && !name.given().equalsIgnoreCase(Objects.toString(given(known, 0), ""));
    String given = name.given() != null || whole ? name.given() : given(known, 0);
    String middle = name.middle() != null || whole ? name.middle() : given(known, 1);
    HumanName recorded = new HumanName().setFamily(name.family());
    if (given != null) {
      recorded.addGiven(given);
    }
    if (middle != null) {
      recorded.addGiven(middle);
    }
    if (client.getName().size() != 1 || !client.getNameFirstRep().equalsDeep(recorded)) {
      client.setName(new ArrayList<>(List.of(recorded)));
    }
    if (member.birthDate() != null) {
      client.setBirthDateElement(new DateType(member.birthDate().toString()));
    }
    if (member.gender() != null) {
      client.setGender(switch (member.gender()) {
        case "F" -> AdministrativeGender.FEMALE;
        case "M" -> AdministrativeGender.MALE;
        default -> AdministrativeGender.UNKNOWN;
      });
    }
  }

  /** The n-th given name on record (0 the first, 1 the middle), or null. */
  private static String given(HumanName name, int n) {
    return name.getGiven().size() > n ? name.getGiven().get(n).getValue() : null;
  }

  /** A member's termination or reinstatement that names no coverage: all the member's coverage from this feed. */
  private void wholeMember(MemberMaintenance member) {
    if (member.maintenance() != MaintenanceType.TERMINATION && member.maintenance() != MaintenanceType.REINSTATEMENT) {
      return;
    }
    storedCoverage.forEach((key, stored) -> coverage.computeIfAbsent(key, k -> stored.copy()));
    for (Coverage target : coverage.values()) {
      LocalDate start = day(target.getPeriod().getStartElement());
      if (member.maintenance() == MaintenanceType.REINSTATEMENT) {
        open(target, start, null);
      } else if (target.getStatus() == CoverageStatus.ACTIVE && (!target.getPeriod().hasEnd()
          || day(target.getPeriod().getEndElement()).isAfter(member.eligibilityEnd()))) {
        end(target, start, member.eligibilityEnd());
      }
    }
  }

  private static void open(Coverage target, LocalDate start, LocalDate end) {
    target.setStatus(CoverageStatus.ACTIVE);
    target.getPeriod().setStartElement(new DateTimeType(start.toString()));
    target.getPeriod().setEndElement(end == null ? null : new DateTimeType(end.toString()));
  }

  /** Ends the coverage on the end date, or cancels it (never in force) when that is before it began. */
  private static void end(Coverage target, LocalDate start, LocalDate end) {
    if (end.isBefore(start)) {
      target.setStatus(CoverageStatus.CANCELLED);
      target.getPeriod().setStartElement(new DateTimeType(start.toString())).setEndElement(null);
    } else {
      open(target, start, end);
    }
  }

  private static LocalDate day(DateTimeType value) {
    return value == null || value.getValueAsString() == null ? null
        : LocalDate.parse(value.getValueAsString().substring(0, 10));
  }
}
