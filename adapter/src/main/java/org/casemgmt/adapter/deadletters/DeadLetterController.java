package org.casemgmt.adapter.deadletters;

import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.casemgmt.routes.FeedHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The operator's view of the dead letters: list them, read one whole, replay it through its feed. Payloads hold PHI,
 * so only the single-letter view returns one.
 */
@RestController
@RequestMapping("/admin/dead-letters")
class DeadLetterController {
  private final DeadLetterStore store;
  private final ProducerTemplate producer;
  private final CamelContext camel;

  DeadLetterController(DeadLetterStore store, ProducerTemplate producer, CamelContext camel) {
    this.store = store;
    this.producer = producer;
    this.camel = camel;
  }

  record Summary(long id, String feed, String source, Instant receivedAt, String reason, String status,
      Instant replayedAt, Long replayedAs) {
    static Summary of(DeadLetter letter) {
      return new Summary(letter.id(), letter.feed(), letter.source(), letter.receivedAt(), letter.reason(),
          letter.status().name(), letter.replayedAt(), letter.replayedAs());
    }
  }

  record Letter(Summary summary, String payload) {
  }

  record Replay(long id, String outcome, Long failedAgainAs, String reply) {
  }

  /**
   * A page of the dead letters, oldest first, after the one named by {@code after}. When there are more, the
   * {@code Link} header names the next page ({@code rel="next"}, RFC 8288), so a list is never cut off silently.
   */
  @GetMapping
  ResponseEntity<List<Summary>> list(@RequestParam(required = false) String feed,
      @RequestParam(defaultValue = "OPEN") String status, @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") long after) {
    DeadLetter.Status wanted = "ALL".equalsIgnoreCase(status) ? null : parseStatus(status);
    int size = Math.max(1, Math.min(limit, 1000));
    List<DeadLetter> found = store.list(feed, wanted, after, size + 1);
    List<Summary> page = found.stream().limit(size).map(Summary::of).toList();
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (found.size() > size) {
      String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("after",
          page.get(page.size() - 1).id()).replaceQueryParam("limit", size).build().toUriString();
      response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return response.body(page);
  }

  @GetMapping("/{id}")
  Letter show(@PathVariable long id) {
    DeadLetter letter = existing(id);
    return new Letter(Summary.of(letter), letter.payload());
  }

  /** Processes the payload again as if it had just arrived; a failure keeps it as a new dead letter. */
  @PostMapping("/{id}/replay")
  Replay replay(@PathVariable long id) {
    DeadLetter letter = existing(id);
    if (letter.status() != DeadLetter.Status.OPEN) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "dead letter " + id + " was already replayed");
    }
    String endpoint = FeedHeaders.intakeEndpoint(letter.feed());
    if (camel.hasEndpoint(endpoint) == null) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "feed " + letter.feed() + " has no intake to replay into");
    }
    Exchange result = producer.request(endpoint, exchange -> {
      exchange.getIn().setBody(letter.payload());
      exchange.getIn().setHeader(FeedHeaders.SOURCE, "replay of dead letter " + id);
    });
    if (result.getException() != null) {
      // Nothing was processed (the store is down, say): the letter stays open for a later replay.
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
          "replay of dead letter " + id + " failed: " + result.getException().getMessage());
    }
    Long failedAgainAs = result.getMessage().getHeader(FeedHeaders.DEAD_LETTER_ID, Long.class);
    store.markReplayed(id, failedAgainAs);
    return new Replay(id, failedAgainAs == null ? "processed" : "failed-again", failedAgainAs,
        result.getMessage().getBody(String.class));
  }

  private DeadLetter existing(long id) {
    return store.find(id).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "no dead letter " + id));
  }

  private static DeadLetter.Status parseStatus(String status) {
    try {
      return DeadLetter.Status.valueOf(status.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status is OPEN, REPLAYED or ALL, not " + status);
    }
  }
}
