package org.casemgmt.adapter.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, as their token says: the user or system ({@code sub}), the client application, the agency role,
 * the user's own resource (whose caseload), the organization they speak for and their purpose of use (what a Part 2
 * consent is checked against), the SMART scopes granted and, for {@code patient/} scopes, the launch patient.
 */
public record Caller(String subject, String clientId, String role, String fhirUser, String organization,
    String purposeOfUse, List<String> scopes, String patient) {
  static final String CLIENT_ID = "client_id";
  static final String ROLE = "role";
  static final String FHIR_USER = "fhirUser";
  static final String ORGANIZATION = "organization";
  static final String PURPOSE_OF_USE = "purpose_of_use";
  static final String PATIENT = "patient";

  /** The caller of the request being served, from its validated token; empty without one. */
  public static Optional<Caller> current() {
    return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
        ? Optional.of(of(token.getToken())) : Optional.empty();
  }

  public static Caller of(Jwt token) {
    String clientId = token.getClaimAsString(CLIENT_ID);
    if (clientId == null) {
      clientId = token.getClaimAsString("azp");
    }
    return new Caller(token.getSubject(), clientId == null ? token.getSubject() : clientId,
        token.getClaimAsString(ROLE), token.getClaimAsString(FHIR_USER), token.getClaimAsString(ORGANIZATION),
        token.getClaimAsString(PURPOSE_OF_USE), scopes(token), token.getClaimAsString(PATIENT));
  }

  /** Writes the claims the adapter reads into a token being issued. */
  static void claims(BiConsumer<String, Object> claim, String role, String fhirUser, String organization,
      String purposeOfUse) {
    if (role != null) {
      claim.accept(ROLE, role);
    }
    if (fhirUser != null) {
      claim.accept(FHIR_USER, fhirUser);
    }
    if (organization != null) {
      claim.accept(ORGANIZATION, organization);
    }
    if (purposeOfUse != null) {
      claim.accept(PURPOSE_OF_USE, purposeOfUse);
    }
  }

  /** Issuers write scopes as a space-separated {@code scope} string or as a list ({@code scope} or {@code scp}). */
  private static List<String> scopes(Jwt token) {
    for (String name : List.of("scope", "scp")) {
      Object value = token.getClaim(name);
      if (value instanceof String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
      }
      if (value instanceof Collection<?> list) {
        return list.stream().map(String::valueOf).toList();
      }
    }
    return List.of();
  }
}
