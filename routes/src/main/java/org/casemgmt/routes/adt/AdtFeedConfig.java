package org.casemgmt.routes.adt;

import org.casemgmt.routes.clientrecord.IdentityPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ADT feed's parser, built once from the deployment's mapping tables ({@code config/adt-mapping.yml}) and the
 * identity policy every feed shares ({@code config/client-identity.yml}).
 */
@Configuration
class AdtFeedConfig {

  @Bean
  AdtParser adtParser(AdtMappingTables tables, IdentityPolicy identity) {
    return new AdtParser(tables, identity);
  }
}
