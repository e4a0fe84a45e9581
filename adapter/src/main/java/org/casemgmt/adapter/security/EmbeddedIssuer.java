package org.casemgmt.adapter.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The embedded OAuth 2.0 issuer (Spring Authorization Server) of the default and demo runs, so that a fresh machine
 * gets tokens without an identity provider: client credentials for systems, authorization code with PKCE and a login
 * form for browser apps. Its clients and users are configuration; its signing key is made at start-up, so tokens do
 * not outlive a restart. A deployment with its own issuer ({@code adapter.security.issuer-uri}) has none of this.
 */
@Configuration
@Conditional(EmbeddedIssuerCondition.class)
class EmbeddedIssuer {

  @Bean
  @Order(1)
  SecurityFilterChain issuerEndpoints(HttpSecurity http) throws Exception {
    OAuth2AuthorizationServerConfigurer issuer = OAuth2AuthorizationServerConfigurer.authorizationServer();
    http.securityMatcher(issuer.getEndpointsMatcher())
        // OpenID Connect too: SMART apps ask for openid and fhirUser.
        .with(issuer, server -> server.oidc(Customizer.withDefaults()))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // Browsers without a session are sent to the login form; the token endpoint answers machines in JSON.
        .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
        .csrf(csrf -> csrf.ignoringRequestMatchers(issuer.getEndpointsMatcher()));
    return http.build();
  }

  /** The login form of browser apps' users; its session serves the authorization endpoint only. */
  @Bean
  @Order(2)
  SecurityFilterChain userLogin(HttpSecurity http) throws Exception {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    // The form's style sheet is served by a filter of this chain only: without it here it answered 404.
    http.securityMatcher(new OrRequestMatcher(paths.matcher("/login"), paths.matcher("/logout"),
            paths.matcher(HttpMethod.GET, "/default-ui.css")))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .formLogin(Customizer.withDefaults());
    return http.build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    // No fixed issuer: it follows the address the service is called at, as the README's localhost commands need.
    return AuthorizationServerSettings.builder().build();
  }

  @Bean
  RegisteredClientRepository registeredClients(SecurityProperties properties) {
    TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build();
    List<RegisteredClient> clients = new ArrayList<>();
    for (SecurityProperties.Client client : properties.clients()) {
      clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
          .clientId(client.id())
          .clientSecret(encoded(client.secret()))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .scopes(scopes -> scopes.addAll(client.scopes()))
          .tokenSettings(tokens)
          .build());
    }
    for (SecurityProperties.App app : properties.apps()) {
      clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
          .clientId(app.id())
          .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUris(uris -> app.redirectUris().forEach(uri -> uris.add(uri.toString())))
          .scopes(scopes -> scopes.addAll(app.scopes()))
          .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
          .tokenSettings(tokens)
          .build());
    }
    return clients.isEmpty() ? new NoClients() : new InMemoryRegisteredClientRepository(clients);
  }

  @Bean
  UserDetailsService users(SecurityProperties properties) {
    return new InMemoryUserDetailsManager(properties.users().stream()
        .map(user -> User.withUsername(user.username())
            .password(encoded(user.password()))
            .roles("APP_USER")
            .build())
        .toList());
  }

  /** The caller's role, organization, purpose of use and own resource travel in the token (see {@link Caller}). */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> callerClaims(SecurityProperties properties) {
    return context -> {
      String principal = context.getPrincipal().getName();
      String clientId = context.getRegisteredClient().getClientId();
      context.getClaims().claim(Caller.CLIENT_ID, clientId);
      if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
        properties.clients().stream().filter(client -> client.id().equals(clientId)).findFirst()
            .ifPresent(client -> {
              Caller.claims(context.getClaims()::claim, client.role(), null, client.organization(),
                  client.purposeOfUse());
              // A system that asks for no scope gets those it is registered with, as most issuers do.
              if (context.getAuthorizedScopes().isEmpty()) {
                context.getClaims().claim("scope", client.scopes());
              }
            });
      } else {
        properties.users().stream().filter(user -> user.username().equals(principal)).findFirst()
            .ifPresent(user -> Caller.claims(context.getClaims()::claim, user.role(), user.fhirUser(),
                user.organization(), user.purposeOfUse()));
      }
    };
  }

  @Bean
  JWKSource<SecurityContext> signingKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID(UUID.randomUUID().toString())
          .build();
      return new ImmutableJWKSet<>(new JWKSet(key));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("No RSA key generator in this JVM", e);
    }
  }

  /**
   * Secrets in configuration carry their encoding as Spring Security's prefix ("{bcrypt}$2a$..."); one without a
   * prefix is plain text, for demos and tests.
   */
  private static String encoded(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("adapter.security: every client and user needs a secret or password");
    }
    return secret.startsWith("{") ? secret : "{noop}" + secret;
  }

  /** A deployment without clients of the embedded issuer: every token request is refused. */
  private static final class NoClients implements RegisteredClientRepository {
    @Override
    public void save(RegisteredClient client) {
      throw new UnsupportedOperationException("clients are configuration (adapter.security.clients)");
    }

    @Override
    public RegisteredClient findById(String id) {
      return null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
      return null;
    }
  }
}
