package org.casemgmt.adapter.adt;

import java.util.List;
import java.util.stream.Stream;
import org.casemgmt.adapter.conformance.ProfileEnforcement;
import org.casemgmt.adapter.identity.ClientIdentity;
import org.casemgmt.routes.adt.AdtMessage;
import org.casemgmt.routes.adt.AdtParser;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Does the ADT path's first-use work before readiness turns UP: HAPI's v2 model, the guide validator's client,
 * hospitalization and diagnosis profiles, and the identifier search that matches a client. Without it the first
 * message after a restart paid for all of that (seconds on 2 cores) while its sender held the next one. Nothing is
 * written: the message is synthetic, parsed, checked and looked up only.
 */
@Component
class AdtWarmUp {
  private static final Logger log = LoggerFactory.getLogger(AdtWarmUp.class);
  /** Both ends of the versions read: 2.3 goes through the withdrawn-datatype handling, 2.5.1 is the common one. */
  private static final List<String> VERSIONS = List.of("2.3", "2.5.1");

  private final AdtParser parser;
  private final ProfileEnforcement profiles;
  private final ClientIdentity identity;

  AdtWarmUp(AdtParser parser, ProfileEnforcement profiles, ClientIdentity identity) {
    this.parser = parser;
    this.profiles = profiles;
    this.identity = identity;
  }

  @EventListener(ApplicationStartedEvent.class)
  void warm() {
    long[] nanos = new long[3];
    try {
      for (String version : VERSIONS) {
        long started = System.nanoTime();
        AdtMessage message = parser.parse(admission(version));
        long parsed = System.nanoTime();
        // The recorder names the client once it is matched; a placeholder stands in here.
        message.encounter().setSubject(new Reference("Patient/warm-up"));
        message.diagnoses().forEach(diagnosis -> diagnosis.setSubject(new Reference("Patient/warm-up")));
        Stream.concat(Stream.of(message.patient(), message.encounter()), message.diagnoses().stream())
            .map(Resource.class::cast).forEach(profiles::check);
        long checked = System.nanoTime();
        identity.match(message.patient());
        nanos[0] += parsed - started;
        nanos[1] += checked - parsed;
        nanos[2] += System.nanoTime() - checked;
      }
      log.info("ADT path warmed in {} ms (parsing {} ms, profiles {} ms, identity search {} ms)",
          (nanos[0] + nanos[1] + nanos[2]) / 1_000_000, nanos[0] / 1_000_000, nanos[1] / 1_000_000,
          nanos[2] / 1_000_000);
    } catch (Exception e) {
      // Warming is an optimisation: the first real message does the same work if this could not. The message is
      // synthetic, so its reason can be logged.
      log.warn("ADT path not warmed: {}", e.getMessage());
    }
  }

  private static String admission(String version) {
    return String.join("\r",
        "MSH|^~\\&|WARMUP|WARMUP|CASEMGMT|AGENCY|20260101080000||ADT^A01^ADT_A01|WARMUP-" + version + "|P|"
            + version,
        "EVN|A01|20260101080000",
        "PID|1||WARMUP-MRN^^^WARMUP^MR||Warmup^Synthetic||19800101|U|||1 Main St^^Springfield^IL^62704^USA^H",
        "PV1|1|I|PSY^1^A|||||||PSY|||||||||WARMUP-VISIT" + "|".repeat(25) + "20260101080000",
        "DG1|1||F20.9^Schizophrenia, unspecified^I10||20260101|A") + "\r";
  }
}
