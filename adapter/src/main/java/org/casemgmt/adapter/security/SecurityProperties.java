package org.casemgmt.adapter.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the service and how their tokens are checked ({@code config/security.yml}).
 *
 * @param enabled false turns tokens, access control and the audit trail off, for benchmarks that measure their cost
 *     (bench/security.sh); the service says so loudly at start-up
 * @param issuerUri the deployment's OAuth 2.0 / OpenID issuer; its JWKS is discovered from it. Blank: the embedded
 *     issuer signs and checks the tokens
 * @param jwkSetUri the issuer's JWKS, when it publishes no discovery document
 * @param audience the {@code aud} a token must carry when set (an external issuer serving several APIs)
 * @param authorizationEndpoint the external issuer's authorization endpoint, published in SMART discovery
 * @param tokenEndpoint the external issuer's token endpoint, published in SMART discovery
 * @param tokenTtl how long a token of the embedded issuer is valid
 * @param clients the embedded issuer's clients that get tokens with their own credentials (feeds, systems, EHRs)
 * @param apps the embedded issuer's browser apps (public clients, authorization code with PKCE)
 * @param users the embedded issuer's users who log in to browser apps
 * @param roles what each role may reach, as data ({@code config/security-roles.yml})
 * @param corsAllowedOrigins the browser origins allowed to call the API; none: no cross-origin calls
 * @param subscriptionEndpoints URL prefixes a rest-hook Subscription may name; none: no rest-hook is accepted
 */
@ConfigurationProperties("adapter.security")
public record SecurityProperties(
    @DefaultValue("true") boolean enabled,
    String issuerUri,
    String jwkSetUri,
    String audience,
    String authorizationEndpoint,
    String tokenEndpoint,
    @DefaultValue("PT1H") Duration tokenTtl,
    @DefaultValue List<Client> clients,
    @DefaultValue List<App> apps,
    @DefaultValue List<User> users,
    @DefaultValue Map<String, RoleDefinition> roles,
    @DefaultValue List<String> corsAllowedOrigins,
    @DefaultValue List<String> subscriptionEndpoints) {

  /** Whether tokens come from the embedded issuer (no external issuer configured). */
  public boolean embeddedIssuer() {
    return blank(issuerUri) && blank(jwkSetUri);
  }

  /** The issuer: the deployment's, or this service at the address it is called at ({@code base}). */
  String issuer(String base) {
    return embeddedIssuer() ? base : issuerUri;
  }

  String tokenEndpoint(String base) {
    return embeddedIssuer() ? base + "/oauth2/token" : tokenEndpoint;
  }

  String authorizationEndpoint(String base) {
    return embeddedIssuer() ? base + "/oauth2/authorize" : authorizationEndpoint;
  }

  String jwksUri(String base) {
    return embeddedIssuer() ? base + "/oauth2/jwks" : jwkSetUri;
  }

  /**
   * A system that gets tokens with the client-credentials grant.
   *
   * @param id the client id
   * @param secret its secret ({@code {noop}}, {@code {bcrypt}}... prefixes as Spring Security's password encoders)
   * @param scopes the SMART scopes it may ask for (and gets when it asks for none)
   * @param role the agency role it acts in (a key of {@code roles})
   * @param organization the organization it speaks for ("Organization/12"), the recipient a Part 2 consent names
   * @param purposeOfUse its purpose of use (v3-ActReason code: TREAT, CAREMGT, HPAYMT, HOPERAT...)
   */
  public record Client(String id, String secret, @DefaultValue List<String> scopes, String role,
      String organization, @DefaultValue("CAREMGT") String purposeOfUse) {}

  /**
   * A browser app: a public client that gets user tokens with authorization code and PKCE.
   *
   * @param id the client id
   * @param redirectUris where the issuer may send the code
   * @param scopes the SMART scopes the app may ask for; a user's token carries those asked for
   */
  public record App(String id, @DefaultValue List<URI> redirectUris, @DefaultValue List<String> scopes) {}

  /**
   * A person who logs in to browser apps.
   *
   * @param username the login
   * @param password the password (with an encoder prefix, as for client secrets)
   * @param role the agency role (a key of {@code roles})
   * @param fhirUser the user's own resource ("Practitioner/cm-1"): whose caseload they have
   * @param organization the organization they work for, the recipient a Part 2 consent names
   * @param purposeOfUse their purpose of use
   */
  public record User(String username, String password, String role, String fhirUser, String organization,
      @DefaultValue("CAREMGT") String purposeOfUse) {}

  /**
   * What a role may reach; a token's scopes are cut down to it.
   *
   * @param clients whose data: {@code all} (every client of the agency), {@code caseload} (clients whose active
   *     CareTeam or EpisodeOfCare names the user as case manager), {@code partner} (clients the caller sent data
   *     for or was sent plans for), {@code none}
   * @param permissions resource types and interactions in SMART's shape without context ("*.cruds", "Task.rs");
   *     AuditEvent is never granted by "*"
   * @param operations FHIR operations it may invoke, without '$' ("everything", "validate"; "*" for all)
   * @param adminEndpoints whether {@code /admin} and the actuator's details are open to it
   * @param subscriptions whether it may create and change Subscriptions
   */
  public record RoleDefinition(@DefaultValue("none") String clients, @DefaultValue List<String> permissions,
      @DefaultValue List<String> operations, @DefaultValue("false") boolean adminEndpoints,
      @DefaultValue("false") boolean subscriptions, @DefaultValue List<String> exports) {}

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
