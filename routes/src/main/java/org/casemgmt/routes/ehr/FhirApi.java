package org.casemgmt.routes.ehr;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * Searches one EHR's FHIR API: authenticated GETs, retried through transient failures, a 401 answered once with a
 * new token. Requests only ever go to the source's own origin, so a paging link cannot send its token elsewhere.
 */
final class FhirApi {
  /** Patient ids per {@code Patient?_id=} search, which keeps URLs well below common length limits. */
  private static final int IDS_PER_SEARCH = 50;

  private final EhrSource source;
  private final Transport transport;
  private final Authentication authentication;
  private final IParser json;
  private final URI origin;

  FhirApi(EhrSource source, Transport transport, Authentication authentication, FhirContext fhirContext) {
    this.source = source;
    this.transport = transport;
    this.authentication = authentication;
    // Lenient: an element this version does not know is a warning, not a failed poll.
    this.json = fhirContext.newJsonParser();
    this.origin = URI.create(source.baseUrl());
  }

  /** One page of a search, by its full URL (the first query or a {@code next} link). */
  Bundle page(String url) throws EhrFailure {
    URI uri = sameOrigin(url);
    String what = "GET " + describe(uri);
    boolean renewed = false;
    while (true) {
      String authorization = authentication.authorization();
      HttpResponse<String> response = transport.send(() -> {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "application/fhir+json");
        return authorization == null ? request : request.header("Authorization", authorization);
      }, what);
      int status = response.statusCode();
      if (status == 401 && !renewed && authentication.canRenew()) {
        authentication.renew();
        renewed = true;
        continue;
      }
      if (status / 100 != 2) {
        throw new EhrFailure(what + ": HTTP " + status + (status == 401 && renewed ? " with a new token" : "")
            + issueCodes(response.body()));
      }
      return bundle(response.body(), what);
    }
  }

  /** The Patients with these ids, following paging; those the EHR does not return are simply absent. */
  Map<String, Patient> patients(List<String> ids) throws EhrFailure {
    Map<String, Patient> found = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += IDS_PER_SEARCH) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_SEARCH));
      String url = source.baseUrl() + "/Patient?_id=" + String.join(",", chunk) + "&_count=" + chunk.size();
      while (url != null) {
        Bundle page = page(url);
        for (Bundle.BundleEntryComponent entry : page.getEntry()) {
          if (entry.getResource() instanceof Patient patient && patient.getIdElement().hasIdPart()) {
            found.put(patient.getIdElement().getIdPart(), patient);
          }
        }
        url = page.getLink(Bundle.LINK_NEXT) == null ? null : page.getLink(Bundle.LINK_NEXT).getUrl();
      }
    }
    return found;
  }

  private URI sameOrigin(String url) throws EhrFailure {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new EhrFailure("the EHR sent a paging link that is not a URL");
    }
    if (!origin.getScheme().equalsIgnoreCase(uri.getScheme()) || !origin.getHost().equalsIgnoreCase(uri.getHost())
        || origin.getPort() != uri.getPort()) {
      throw new EhrFailure("the EHR sent a paging link to " + uri.getScheme() + "://" + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ", outside " + source.baseUrl()
          + "; it is not followed (the token would go with it)");
    }
    return uri;
  }

  private Bundle bundle(String body, String what) throws EhrFailure {
    IBaseResource parsed;
    try {
      parsed = json.parseResource(body);
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new EhrFailure(what + ": the reply is not FHIR JSON");
    }
    if (!(parsed instanceof Bundle bundle)) {
      throw new EhrFailure(what + ": the reply is a " + parsed.fhirType() + ", not a Bundle");
    }
    return bundle;
  }

  /** The issue codes of an OperationOutcome reply (never its text, which may quote the request's data). */
  private String issueCodes(String body) {
    try {
      if (body != null && !body.isBlank() && json.parseResource(body) instanceof OperationOutcome outcome) {
        List<String> codes = new ArrayList<>();
        outcome.getIssue().stream().filter(issue -> issue.hasSeverity() && issue.hasCode())
            .forEach(issue -> codes.add(issue.getSeverity().toCode() + " " + issue.getCode().toCode()));
        return codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")";
      }
    } catch (RuntimeException notFhir) {
      // An HTML error page from a proxy: the status says enough.
    }
    return "";
  }

  /** The path and query as logged: Patient id lists are counted, not listed. */
  static String describe(URI uri) {
    if (uri.getRawQuery() == null) {
      return uri.getRawPath();
    }
    List<String> parameters = new ArrayList<>();
    for (String parameter : uri.getRawQuery().split("&")) {
      parameters.add(parameter.startsWith("_id=")
          ? "_id=(" + parameter.substring(4).split("%2C|,").length + " ids)" : parameter);
    }
    return uri.getRawPath() + "?" + String.join("&", parameters);
  }
}
