package org.casemgmt.adapter.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Bearer tokens on everything the service answers: the FHIR API, {@code /admin} and the actuator. Anonymous callers
 * reach only what a client needs before it has a token (the CapabilityStatement, SMART discovery) and what an
 * orchestrator probes (liveness, readiness). What a token then allows is decided per request by the FHIR access
 * control ({@code security.access}); here only "has a valid token" and "may use the admin endpoints".
 */
@Configuration
class ApiSecurity {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiSecurity.class);
  /**
   * The authority of tokens whose role opens {@code /admin} and the actuator's details; a role in Spring's sense, so
   * the actuator's {@code management.endpoint.health.roles: ADMIN} recognises it.
   */
  static final String ADMIN_ENDPOINTS = "ROLE_ADMIN";

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  SecurityFilterChain api(HttpSecurity http, JwtDecoder tokens, SecurityProperties properties,
      AuthenticationEntryPoint unauthenticated, AccessDeniedHandler denied) throws Exception {
    if (!properties.enabled()) {
      log.warn("SECURITY IS OFF (adapter.security.enabled=false): every caller reaches every record, unaudited."
          + " For benchmarks only.");
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
          .csrf(csrf -> csrf.disable()).build();
    }
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers(paths.matcher(HttpMethod.GET, "/fhir/metadata"),
                paths.matcher(HttpMethod.GET, "/.well-known/smart-configuration"),
                paths.matcher(HttpMethod.GET, "/actuator/health/liveness"),
                paths.matcher(HttpMethod.GET, "/actuator/health/readiness"),
                paths.matcher("/error"),
                // The workspace's page and scripts carry no client data: it reads /fhir with the user's token.
                paths.matcher(HttpMethod.GET, "/"), paths.matcher(HttpMethod.GET, "/workspace"),
                paths.matcher(HttpMethod.GET, "/workspace/**"), paths.matcher(HttpMethod.GET, "/favicon.ico"))
                .permitAll()
            .requestMatchers(paths.matcher("/fhir/**"), paths.matcher(HttpMethod.GET, "/actuator/health"))
                .authenticated()
            .requestMatchers(paths.matcher("/admin/**"), paths.matcher("/actuator/**"))
                .hasAuthority(ADMIN_ENDPOINTS)
            .anyRequest().denyAll())
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(token -> authentication(token, properties)))
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(denied))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // A bearer-token API keeps no cookies, so there is no session for a forged request to ride on.
        .csrf(csrf -> csrf.disable())
        .cors(cors -> cors.configurationSource(cors(properties)));
    return http.build();
  }

  @Bean
  JwtDecoder jwtDecoder(SecurityProperties properties, ObjectProvider<JWKSource<SecurityContext>> embeddedKeys) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    if (!properties.embeddedIssuer() && properties.issuerUri() != null && !properties.issuerUri().isBlank()) {
      validators.add(JwtValidators.createDefaultWithIssuer(properties.issuerUri()));
    } else {
      // The embedded issuer's key exists only in this process: its signature is proof enough of the issuer.
      validators.add(JwtValidators.createDefault());
    }
    Optional.ofNullable(properties.audience()).filter(a -> !a.isBlank()).ifPresent(audience -> validators.add(
        token -> token.getAudience() != null && token.getAudience().contains(audience)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not for " + audience,
                null))));
    OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
    if (properties.embeddedIssuer()) {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, embeddedKeys.getObject()));
      processor.setJWTClaimsSetVerifier((claims, context) -> { }); // the validators below check the claims
      NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
      decoder.setJwtValidator(validator);
      return decoder;
    }
    // Built on first use, so the service starts while the issuer is briefly unreachable.
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
          ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
          : NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
      decoder.setJwtValidator(validator);
      return decoder;
    });
  }

  private static JwtAuthenticationToken authentication(Jwt token, SecurityProperties properties) {
    Caller caller = Caller.of(token);
    List<GrantedAuthority> authorities = new ArrayList<>();
    caller.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
    SecurityProperties.RoleDefinition role = caller.role() == null ? null : properties.roles().get(caller.role());
    if (role != null && role.adminEndpoints()) {
      authorities.add(new SimpleGrantedAuthority(ADMIN_ENDPOINTS));
    }
    return new JwtAuthenticationToken(token, authorities, caller.subject());
  }

  private static CorsConfigurationSource cors(SecurityProperties properties) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (!properties.corsAllowedOrigins().isEmpty()) {
      CorsConfiguration browsers = new CorsConfiguration();
      browsers.setAllowedOrigins(properties.corsAllowedOrigins());
      browsers.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
      browsers.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Prefer", "If-Match",
          "If-None-Exist", "If-None-Match", "If-Modified-Since"));
      browsers.setExposedHeaders(List.of("Location", "ETag", "Last-Modified", "Content-Location"));
      source.registerCorsConfiguration("/fhir/**", browsers);
      source.registerCorsConfiguration("/.well-known/**", browsers);
      source.registerCorsConfiguration("/oauth2/token", browsers);
    }
    return source;
  }
}
