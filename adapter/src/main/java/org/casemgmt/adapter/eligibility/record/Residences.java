package org.casemgmt.adapter.eligibility.record;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.eligibility.evidence.AddressFact;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Address.AddressType;
import org.hl7.fhir.r4.model.Address.AddressUse;
import org.hl7.fhir.r4.model.Patient;

/**
 * Where the client lives, from Patient.address with its period; the county is in {@code district}, where the ADT
 * feed puts XAD-9. Addresses that do not say where the person lives are left out: work and billing addresses, a
 * mailing-only address (a post office box may be anywhere), and an old address that does not say when it ended.
 */
final class Residences {
  private static final Set<AddressUse> NOT_A_RESIDENCE = EnumSet.of(AddressUse.WORK, AddressUse.BILLING);

  private Residences() {
  }

  static List<AddressFact> addresses(Patient patient) {
    return patient.getAddress().stream()
        .map(address -> residence(address, References.of(patient)))
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<AddressFact> residence(Address address, String reference) {
    if (NOT_A_RESIDENCE.contains(address.getUse()) || address.getType() == AddressType.POSTAL) {
      return Optional.empty();
    }
    LocalDate start = FhirDates.day(address.getPeriod().getStartElement());
    LocalDate end = FhirDates.day(address.getPeriod().getEndElement());
    if (address.getUse() == AddressUse.OLD && end == null || start != null && end != null && end.isBefore(start)) {
      return Optional.empty();
    }
    return Optional.of(new AddressFact(UsStates.code(address.getState()), blankToNull(address.getDistrict()),
        blankToNull(address.getPostalCode()), start, end, reference));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
