package org.casemgmt.routes.adt;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import java.util.Map;

/**
 * The v2.8 model, able to read values typed with datatypes of the versions before it. Every message is read into the
 * v2.8 structures (see {@link V2Structures}), but a v2.3 to v2.6 sender names its own version's datatypes where a
 * message says which one a value has (OBX-2: {@code CE}, {@code TS}), and v2.7 withdrew several of them. Each
 * withdrawn datatype is read as the one HL7 made its successor, whose leading components are the same, so a valid
 * message of an earlier version is never refused for naming a datatype its version has.
 */
final class WithdrawnDatatypes extends CanonicalModelClassFactory {
  /** Datatypes of v2.3 to v2.6 withdrawn by v2.7, and their successors (HL7 v2.7, chapter 2A). */
  static final Map<String, String> SUCCESSORS = Map.of(
      "CE", "CWE",  // coded element
      "CK", "CX",   // composite id with check digit
      "CN", "XCN",  // composite id number and name
      "CM", "ST",   // composite (no structure of its own: kept as text)
      "PN", "XPN",  // person name
      "AD", "XAD",  // address (AD stays a component type; as a value XAD holds it)
      "TN", "XTN",  // telephone number
      "TS", "DTM"); // time stamp

  WithdrawnDatatypes() {
    super("2.8");
  }

  @Override
  public Class<? extends Type> getTypeClass(String name, String version) throws HL7Exception {
    String successor = name == null ? null : SUCCESSORS.get(name.toUpperCase(java.util.Locale.ROOT));
    return super.getTypeClass(successor == null ? name : successor, version);
  }
}
