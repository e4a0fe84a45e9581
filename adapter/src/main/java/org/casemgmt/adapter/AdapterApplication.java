package org.casemgmt.adapter;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.elasticsearch.ElasticsearchDataAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The case-management adapter: a HAPI FHIR JPA server with the feeds that fill it.
 *
 * <p>HAPI brings Quartz (it runs its own scheduler), Elasticsearch and Thymeleaf onto the classpath without needing
 * Boot to configure them, and it builds its own entity manager (see {@code storage.HapiJpaStorageConfig}), so those
 * auto-configurations stay off. Security is configured whole in {@code security}: Boot's own issuer, issuer-token and
 * generated-password user set-ups stay off too (the last would print a password into the log).
 */
@SpringBootApplication(scanBasePackages = "org.casemgmt", exclude = {
    QuartzAutoConfiguration.class,
    ElasticsearchClientAutoConfiguration.class,
    ElasticsearchRestClientAutoConfiguration.class,
    ElasticsearchDataAutoConfiguration.class,
    HibernateJpaAutoConfiguration.class,
    ThymeleafAutoConfiguration.class,
    OAuth2AuthorizationServerAutoConfiguration.class,
    OAuth2AuthorizationServerJwtAutoConfiguration.class,
    UserDetailsServiceAutoConfiguration.class})
@ConfigurationPropertiesScan("org.casemgmt")
public class AdapterApplication {

  /** The time every feed and rule reads, replaceable in tests. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(AdapterApplication.class, args);
  }
}
