package org.casemgmt.adapter.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.adapter.identity.ClientRecordChanges;
import org.casemgmt.routes.enrollment.MaintenanceType;
import org.casemgmt.routes.enrollment.MemberMaintenance;
import org.casemgmt.routes.enrollment.MemberMaintenance.CoverageChange;
import org.casemgmt.routes.enrollment.MemberOrigin;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Coverage.CoverageStatus;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/**
 * One member's client record and Medicaid coverage as the feed's records for them change it, applied in file order:
 * name, birth date, gender and residence on the Patient; status and period on the member's Coverage, one per payer
 * and insurance line. What results is compared with what is stored, so a record that changes nothing (the same file
 * content in another file, a monthly full file) writes nothing.
 *
 * <p>Maintenance: an addition, change, correction, audit or reinstatement of a coverage makes it active over the
 * benefit dates it gives (no end date: open); a termination ends it on its end date, or cancels it when it ends before
 * it began. A member's termination or reinstatement without coverage loops applies to all the member's coverage from
 * this feed: active coverage ends on the eligibility end date; ended coverage is open again.
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

  void apply(MemberMaintenance member, MemberOrigin origin) {
    records.add(origin);
    demographics(member);
    if (member.address() != null) {
      client.setAddress(AddressHistory.moved(client.getAddress(), EnrollmentResources.residence(member.address(),
          policy.county(member.address().county())), member.effective()));
    }
    if (member.coverages().isEmpty()) {
      wholeMember(member);
    }
    for (CoverageChange line : member.coverages()) {
      String key = EnrollmentResources.key(member.memberId(), member.payer(), line.insuranceLine());
      Coverage target = coverage.computeIfAbsent(key, k -> storedCoverage.containsKey(k)
          ? storedCoverage.get(k).copy() : EnrollmentResources.coverage(member, line, policy.coverageType(),
              medicaidSystem));
      target.getClass_().get(0).setName(line.plan());
      if (line.maintenance() == MaintenanceType.TERMINATION) {
        end(target, line.start(), line.end());
      } else {
        open(target, line.start(), line.end());
      }
    }
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
    HumanName recorded = new HumanName().setFamily(name.family());
    if (name.given() != null) {
      recorded.addGiven(name.given());
    }
    if (name.middle() != null) {
      recorded.addGiven(name.middle());
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
    return LocalDate.parse(value.getValueAsString().substring(0, 10));
  }
}
