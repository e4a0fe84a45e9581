package org.casemgmt.routes.adt;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v28.message.ACK;
import ca.uhn.hl7v2.model.v28.segment.ERR;
import ca.uhn.hl7v2.model.v28.segment.MSH;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/**
 * HL7 v2 original-mode acknowledgements for ADT messages. An ACK answers in the sender's terms: it echoes MSH-10 in
 * MSA-2, swaps sending and receiving application and facility, keeps the message's version, processing id and
 * encoding characters, and gets a control id of its own. A refusal adds an ERR segment with the HL7 table 0357 code
 * (ERR-3), the location (ERR-2), severity E (ERR-4) and the reason for a person (ERR-8); senders before v2.5 read
 * ERR-1 and MSA-3 instead, so those are filled for them too.
 */
public final class Acknowledgements {
  private static final PipeParser PARSER = parser();
  private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssxx", Locale.ROOT);

  private Acknowledgements() {
  }

  /** AA: the message was taken. */
  public static String accept(AdtMessage message) {
    return encode(ack(OriginalHeader.of(message.raw()), "AA"));
  }

  /** AR or AE as the rejection says, with its ERR; works on any input, even one without a readable MSH. */
  public static String reject(String raw, AdtRejection rejection) {
    OriginalHeader original = OriginalHeader.of(raw);
    ACK ack = ack(original, rejection.ackCode());
    addError(ack, original, rejection.errorCode(), rejection.errorText(), rejection.segmentId(),
        rejection.segmentSequence(), rejection.fieldPosition(), rejection.reason());
    return encode(ack);
  }

  /** AE with 207 (application internal error): the message was fine but could not be kept; the sender should retry. */
  public static String error(AdtMessage message, String reason) {
    OriginalHeader original = OriginalHeader.of(message.raw());
    ACK ack = ack(original, "AE");
    Hl7Error internal = Hl7Error.APPLICATION_INTERNAL;
    addError(ack, original, internal.code, internal.text, "", 0, 0, reason);
    return encode(ack);
  }

  private static ACK ack(OriginalHeader original, String code) {
    try {
      ACK ack = new ACK(new CanonicalModelClassFactory("2.8"));
      ack.setParser(PARSER);
      MSH msh = ack.getMSH();
      msh.getFieldSeparator().setValue(String.valueOf(original.fieldSeparator()));
      msh.getEncodingCharacters().setValue(original.encodingCharacters());
      msh.getSendingApplication().parse(original.field(5));
      msh.getSendingFacility().parse(original.field(6));
      msh.getReceivingApplication().parse(original.field(3));
      msh.getReceivingFacility().parse(original.field(4));
      msh.getDateTimeOfMessage().setValue(HL7_TIME.format(OffsetDateTime.now()));
      msh.getMessageType().getMessageCode().setValue("ACK");
      msh.getMessageType().getTriggerEvent().parse(original.secondComponent(9));
      msh.getMessageType().getMessageStructure().setValue("ACK");
      msh.getMessageControlID().setValue(UUID.randomUUID().toString().replace("-", "").substring(0, 20));
      String processingId = original.firstComponent(11);
      msh.getProcessingID().getProcessingID().parse(processingId.isEmpty() ? "P" : processingId);
      String version = original.firstComponent(12);
      msh.getVersionID().getVersionID().parse(version.isEmpty() ? OriginalHeader.DEFAULT_VERSION : version);
      ack.getMSA().getAcknowledgmentCode().setValue(code);
      ack.getMSA().getMessageControlID().parse(original.firstComponent(10));
      return ack;
    } catch (HL7Exception e) {
      throw new IllegalStateException("An ACK could not be built", e);
    }
  }

  private static void addError(ACK ack, OriginalHeader original, int code, String text, String segment,
                               int sequence, int field, String reason) {
    try {
      ERR err = ack.getERR();
      if (!segment.isEmpty()) {
        err.getErrorLocation(0).getSegmentID().setValue(segment);
        err.getErrorLocation(0).getSegmentSequence().setValue(String.valueOf(Math.max(sequence, 1)));
        if (field > 0) {
          err.getErrorLocation(0).getFieldPosition().setValue(String.valueOf(field));
        }
      }
      err.getHL7ErrorCode().getIdentifier().setValue(String.valueOf(code));
      err.getHL7ErrorCode().getText().setValue(text);
      err.getHL7ErrorCode().getNameOfCodingSystem().setValue("HL70357");
      err.getSeverity().setValue("E");
      err.getUserMessage().setValue(reason);
      if (beforeV25(original.firstComponent(12))) {
        Terser.set(ack.getMSA(), 3, 0, 1, 1, reason);
        Terser.set(err, 1, 0, 1, 1, segment);
        Terser.set(err, 1, 0, 2, 1, segment.isEmpty() ? "" : String.valueOf(Math.max(sequence, 1)));
        Terser.set(err, 1, 0, 3, 1, field > 0 ? String.valueOf(field) : "");
        Terser.set(err, 1, 0, 4, 1, String.valueOf(code));
        Terser.set(err, 1, 0, 4, 2, text);
        Terser.set(err, 1, 0, 4, 3, "HL70357");
      }
    } catch (HL7Exception e) {
      throw new IllegalStateException("The ERR segment of an ACK could not be built", e);
    }
  }

  /** v2.3 and v2.4 have no ERR-2 to ERR-8: their ERR-1 and MSA-3 carry the error. */
  private static boolean beforeV25(String version) {
    return version.startsWith("2.3") || version.startsWith("2.4") || version.startsWith("2.2")
        || version.startsWith("2.1");
  }

  private static String encode(ACK ack) {
    try {
      return PARSER.encode(ack);
    } catch (HL7Exception e) {
      throw new IllegalStateException("An ACK could not be encoded", e);
    }
  }

  private static PipeParser parser() {
    HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory("2.8"));
    context.setValidationContext(ValidationContextFactory.noValidation());
    return context.getPipeParser();
  }
}
