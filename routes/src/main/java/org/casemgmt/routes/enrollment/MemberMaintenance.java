package org.casemgmt.routes.enrollment;

import java.time.LocalDate;
import java.util.List;

/**
 * One member's record in an 834 (an INS loop, 2000 to the next INS): who they are, what the sender asks for them, and
 * their coverages. Everything here is PHI: never log it.
 *
 * @param memberId        the Medicaid member id (REF02 of the member's identifier, REF*0F by default)
 * @param subscriber      INS01 Y: the member is their own subscriber (every Medicaid member is)
 * @param relationship    INS02: the member's relationship to the subscriber, 18 = self
 * @param maintenance     INS03: what is asked for the member as a whole
 * @param reason          INS04 maintenance reason code, or null
 * @param effective       DTP*303 maintenance effective date of the member loop, else the file's date (BGN03): from
 *                        when what the record says of the member holds
 * @param eligibilityEnd  DTP*357 eligibility end date, or null
 * @param name            the member's name (NM1*IL, or NM1*74 when corrected)
 * @param corrected       the name is a correction (NM1*74, or NM1*70 naming the incorrect name in loop 2100B): it
 *                        is sent whole, and a part it leaves out (a middle name) is cleared; otherwise a part left
 *                        out keeps what is known
 * @param birthDate       DMG02, or null
 * @param gender          DMG03: F, M or U; null when not sent
 * @param address         the residence (N3/N4 of loop 2100A), or null when not sent
 * @param payer           the payer of the transaction set (N1*IN, loop 1000B)
 * @param coverages       the member's coverage loops (HD, 2300) in file order; empty when the record names none
 */
public record MemberMaintenance(
    String memberId,
    boolean subscriber,
    String relationship,
    MaintenanceType maintenance,
    String reason,
    LocalDate effective,
    LocalDate eligibilityEnd,
    PersonName name,
    boolean corrected,
    LocalDate birthDate,
    String gender,
    Residence address,
    Payer payer,
    List<CoverageChange> coverages) {

  public MemberMaintenance {
    coverages = List.copyOf(coverages);
  }

  /** NM103 family, NM104 given, NM105 middle name. */
  public record PersonName(String family, String given, String middle) {
  }

  /**
   * Where the member lives (834 N3/N4 of loop 2100A).
   *
   * @param postalCode 5 or 9 digits
   * @param county     N406 when N405 is CY (county): a name or a code, as the sender writes it; null when not sent
   * @param country    N404, null for a US address
   */
  public record Residence(String line1, String line2, String city, String state, String postalCode, String county,
      String country) {
  }

  /**
   * The payer (N1*IN): the Medicaid agency or managed-care organisation whose enrollment this is.
   *
   * @param idQualifier N103: FI federal taxpayer id, XV CMS plan id, 94 code assigned by the organisation
   */
  public record Payer(String name, String idQualifier, String id) {
    /** The payer's id, or its name when the file gives no id. */
    public String key() {
      return id != null ? id : name;
    }
  }

  /**
   * One coverage loop (HD, 2300).
   *
   * @param maintenance   HD01
   * @param insuranceLine HD03: HLT health, HMO, DEN dental, VIS vision, MM major medical, ...
   * @param plan          HD04 plan coverage description, or null
   * @param coverageLevel HD05 (IND individual, FAM family, ...), or null
   * @param start         DTP*348 benefit begin
   * @param end           DTP*349 benefit end; for a termination without one, the member's DTP*357; null while open.
   *                      A termination whose end is before its start is a cancellation: it never took effect
   */
  public record CoverageChange(MaintenanceType maintenance, String insuranceLine, String plan, String coverageLevel,
      LocalDate start, LocalDate end) {
  }
}
