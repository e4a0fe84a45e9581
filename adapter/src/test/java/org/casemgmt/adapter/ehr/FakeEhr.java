package org.casemgmt.adapter.ehr;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/**
 * WireMock playing an EHR's FHIR search API, as a response transformer over resources a test puts in: per source
 * (the first path segment, {@code /<source>/fhir/<Type>}) it answers {@code _lastUpdated=gt}, {@code _id},
 * {@code _count} and {@code _sort=_lastUpdated} searches with searchset pages linked by {@code next}, as a FHIR
 * server does. Faults (500s, resets, delays, 429s) are plain WireMock stubs laid over it.
 */
final class FakeEhr implements ResponseDefinitionTransformerV2 {
  static final String NAME = "fake-ehr";
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private final Map<String, Source> sources = new ConcurrentHashMap<>();

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  Source source(String name) {
    return sources.computeIfAbsent(name, key -> new Source());
  }

  /** One EHR's resources and behaviour. */
  static final class Source {
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    /** Each put is updated one second after the previous one: distinct, increasing lastUpdated. */
    private final AtomicLong clock = new AtomicLong(Instant.parse("2026-04-01T10:00:00Z").getEpochSecond());
    /** The Authorization header requests must carry; null: any. */
    volatile String acceptedAuthorization;
    /** A page holding this resource (Type/id) answers 503, as a back end failing on one record would. */
    volatile String failingResource;

    /** Stores (or updates) a resource as the EHR has it now; returns its lastUpdated. */
    synchronized String put(Resource resource) {
      String key = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
      Resource stored = resource.copy();
      Resource before = resources.get(key);
      int version = before == null ? 1 : Integer.parseInt(before.getMeta().getVersionId()) + 1;
      InstantType lastUpdated = new InstantType(Date.from(Instant.ofEpochSecond(clock.incrementAndGet())));
      stored.getMeta().setVersionId(String.valueOf(version)).setLastUpdatedElement(lastUpdated);
      resources.put(key, stored);
      return lastUpdated.getValueAsString();
    }

    /** The lastUpdated the EHR gives a resource now. */
    String lastUpdated(String key) {
      return resources.get(key).getMeta().getLastUpdatedElement().getValueAsString();
    }
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String[] path = request.getUrl().split("\\?")[0].split("/");
    // "", <source>, "fhir", <Type>
    Source source = path.length == 4 ? source(path[1]) : null;
    if (source == null) {
      return reply(event, 404, outcome(OperationOutcome.IssueType.NOTFOUND));
    }
    if (source.acceptedAuthorization != null
        && !source.acceptedAuthorization.equals(request.getHeader("Authorization"))) {
      return reply(event, 401, outcome(OperationOutcome.IssueType.LOGIN));
    }
    String type = path[3];
    String base = request.getAbsoluteUrl().split("/fhir/")[0] + "/fhir";
    Instant after = parameter(request, "_lastUpdated") == null ? null
        : OffsetDateTime.parse(parameter(request, "_lastUpdated").substring(2)).toInstant();
    List<String> ids = parameter(request, "_id") == null ? null
        : Arrays.asList(parameter(request, "_id").split(","));
    List<Resource> matching = source.resources.values().stream()
        .filter(r -> r.fhirType().equals(type))
        .filter(r -> after == null || r.getMeta().getLastUpdated().toInstant().isAfter(after))
        .filter(r -> ids == null || ids.contains(r.getIdElement().getIdPart()))
        .sorted(Comparator.comparing((Resource r) -> r.getMeta().getLastUpdated())
            .thenComparing(r -> r.getIdElement().getIdPart()))
        .toList();
    int count = parameter(request, "_count") == null ? 100 : Integer.parseInt(parameter(request, "_count"));
    int offset = parameter(request, "_offset") == null ? 0 : Integer.parseInt(parameter(request, "_offset"));
    List<Resource> page = matching.subList(Math.min(offset, matching.size()),
        Math.min(offset + count, matching.size()));
    String failing = source.failingResource;
    if (failing != null && page.stream().anyMatch(r -> failing.equals(r.fhirType() + "/"
        + r.getIdElement().getIdPart()))) {
      return reply(event, 503, outcome(OperationOutcome.IssueType.TRANSIENT));
    }
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matching.size());
    bundle.addLink().setRelation(Bundle.LINK_SELF).setUrl(base + "/" + type + query(request, offset));
    if (offset + count < matching.size()) {
      bundle.addLink().setRelation(Bundle.LINK_NEXT)
          .setUrl(base + "/" + type + query(request, offset + count));
    }
    for (Resource resource : page) {
      bundle.addEntry().setFullUrl(base + "/" + type + "/" + resource.getIdElement().getIdPart())
          .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
    }
    return reply(event, 200, FHIR.newJsonParser().encodeResourceToString(bundle));
  }

  private static String parameter(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
  }

  /** The request's query with another offset: the next link. */
  private static String query(Request request, int offset) {
    String query = request.getUrl().contains("?") ? request.getUrl().split("\\?", 2)[1] : "";
    String others = Arrays.stream(query.split("&")).filter(p -> !p.isEmpty() && !p.startsWith("_offset="))
        .map(p -> p.contains("=") ? p.split("=", 2)[0] + "=" + URLEncoder.encode(
            URLDecoder.decode(p.split("=", 2)[1], StandardCharsets.UTF_8), StandardCharsets.UTF_8) : p)
        .collect(Collectors.joining("&"));
    return "?" + (others.isEmpty() ? "" : others + "&") + "_offset=" + offset;
  }

  private static String outcome(OperationOutcome.IssueType code) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code)
        .setDiagnostics("fake EHR: " + code.toCode());
    return FHIR.newJsonParser().encodeResourceToString(outcome);
  }

  /** The reply, keeping what the stub adds (a delay). */
  private static ResponseDefinition reply(ServeEvent event, int status, String body) {
    return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(status)
        .withHeader("Content-Type", "application/fhir+json").withBody(body).build();
  }
}
