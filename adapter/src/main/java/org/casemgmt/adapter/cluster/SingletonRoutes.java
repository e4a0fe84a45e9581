package org.casemgmt.adapter.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.casemgmt.routes.ClusterSingleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs each route the routes put in a {@link ClusterSingleton} group on the node holding that group's lease, started
 * and stopped as the lease comes and goes (Camel picks this factory up from the registry).
 */
@Component
class SingletonRoutes implements RoutePolicyFactory {
  private static final Logger log = LoggerFactory.getLogger(SingletonRoutes.class);

  private final LeaseClusterService service;

  SingletonRoutes(ClusterLeases leases) {
    this.service = new LeaseClusterService(leases);
  }

  @Override
  public synchronized RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode node) {
    String group = node instanceof RouteDefinition route ? route.getGroup() : null;
    return ClusterSingleton.lease(group).map(lease -> {
      try {
        if (!context.hasService(service)) {
          context.addService(service, true, true);
        }
        log.info("Route {} runs on the node holding cluster lease {}", routeId, lease);
        return ClusteredRoutePolicy.forNamespace(service, lease);
      } catch (Exception e) {
        throw new IllegalStateException("Route " + routeId + " cannot be given cluster lease " + lease, e);
      }
    }).orElse(null);
  }
}
