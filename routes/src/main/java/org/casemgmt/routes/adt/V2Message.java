package org.casemgmt.routes.adt;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed message seen as its segments in order, found by id wherever the structure put them (the A39 structure
 * of an A40 nests PID and MRG in a repeating PATIENT group; unexpected segments land as non-standard ones), so the
 * mappers need not know each event's group layout.
 */
final class V2Message {
  private final List<Segment> segments = new ArrayList<>();

  V2Message(Message message) throws HL7Exception {
    collect(message);
  }

  private void collect(Group group) throws HL7Exception {
    for (String name : group.getNames()) {
      for (Structure structure : group.getAll(name)) {
        if (structure instanceof Group child) {
          collect(child);
        } else if (structure instanceof Segment segment && !segment.isEmpty()) {
          segments.add(segment);
        }
      }
    }
  }

  /** Every segment with this id, in message order, each knowing its occurrence number. */
  List<V2Segment> all(String id) {
    List<V2Segment> found = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment.getName().equals(id)) {
        found.add(new V2Segment(segment, found.size() + 1));
      }
    }
    return found;
  }

  /** The first segment with this id, or null. */
  V2Segment first(String id) {
    List<V2Segment> found = all(id);
    return found.isEmpty() ? null : found.get(0);
  }
}
