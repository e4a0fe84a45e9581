package org.casemgmt.routes.adt;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.v28.message.ADT_A01;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/**
 * HAPI's pipe parser set up once for every accepted version: messages of 2.3 to 2.8 are all read into the v2.8
 * structures (v2 only ever adds fields and components, and withdrawn ones keep their positions), so the mappers
 * see one model. The structure comes from the trigger event through HAPI's v2.8 event map, not from MSH-9.3: senders
 * name structures that v2.8 does not have (ADT_A04) or leave MSH-9.3 out, and HAPI would then fall back to an
 * unstructured message. Datatypes a message names (OBX-2) are those of its own version: ones v2.7 withdrew are read
 * as their successors ({@link WithdrawnDatatypes}). HAPI's own validation is off: this package checks what it relies on and says precisely what
 * is wrong. The parser is thread-safe, so one instance serves every message.
 */
final class V2Structures {
  private final CanonicalModelClassFactory factory = new WithdrawnDatatypes();
  private final PipeParser parser;

  V2Structures() {
    HapiContext context = new DefaultHapiContext(factory);
    context.setValidationContext(ValidationContextFactory.noValidation());
    parser = context.getPipeParser();
  }

  /** The first segment with this id, read on its own (MSH, EVN: enough to decide what to do); null when absent. */
  V2Segment segment(Er7Text text, String id) throws AdtRejection {
    String segmentText = text.segment(id);
    if (segmentText == null) {
      return null;
    }
    try {
      ADT_A01 scratch = new ADT_A01(factory);
      scratch.setParser(parser);
      Segment segment = (Segment) scratch.get(id);
      parser.parse(segment, segmentText, encodingCharacters(text));
      return new V2Segment(segment, 1);
    } catch (HL7Exception e) {
      throw AdtRejection.reject(Hl7Error.DATA_TYPE, id, 0, id + " segment cannot be read: " + e.getMessage());
    }
  }

  /** The whole message in the v2.8 structure of its ADT trigger event. */
  V2Message parse(Er7Text text, String event) throws AdtRejection {
    try {
      String structure = factory.getMessageStructureForEvent("ADT_" + event, Version.V28);
      Message message = factory.getMessageClass(structure, Version.V28.getVersion(), true)
          .getConstructor(ca.uhn.hl7v2.parser.ModelClassFactory.class).newInstance(factory);
      message.setParser(parser);
      parser.parse(message, text.text());
      return new V2Message(message);
    } catch (HL7Exception e) {
      String segment = e.getLocation() == null || e.getLocation().getSegmentName() == null
          ? "MSH" : e.getLocation().getSegmentName();
      int field = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getField());
      if (e.getErrorCode() == Hl7Error.DATA_TYPE.code && e.getMessage().contains("is invalid for version")) {
        // OBX-2 names a datatype no version of HL7 has, so OBX-5 cannot be read: the sender's to fix.
        throw AdtRejection.error(Hl7Error.DATA_TYPE, "OBX", 2, "OBX-2 value type: " + e.getMessage());
      }
      throw AdtRejection.reject(Hl7Error.SEGMENT_SEQUENCE, segment, field,
          "The message cannot be read as HL7 v2 ADT^" + event + ": " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("HAPI v2.8 structure for ADT^" + event + " cannot be created", e);
    }
  }

  private static EncodingCharacters encodingCharacters(Er7Text text) {
    return new EncodingCharacters(text.fieldSeparator(), text.encodingCharacters());
  }
}
