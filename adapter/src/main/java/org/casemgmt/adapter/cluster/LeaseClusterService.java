package org.casemgmt.adapter.cluster;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * The leases as Camel's cluster service, so that Camel's {@code ClusteredRoutePolicy} runs a route where its lease is
 * held: a namespace is a lease. Only this node is known as a member; a lease another node holds has no leader here.
 */
final class LeaseClusterService extends AbstractCamelClusterService<LeaseClusterService.LeaseView> {
  private final ClusterLeases leases;

  LeaseClusterService(ClusterLeases leases) {
    super("cluster-leases");
    this.leases = leases;
  }

  @Override
  protected LeaseView createView(String namespace) {
    return new LeaseView(namespace);
  }

  final class LeaseView extends AbstractCamelClusterView {
    private final CamelClusterMember local = new CamelClusterMember() {
      @Override
      public boolean isLeader() {
        return leases.leads(getNamespace());
      }

      @Override
      public boolean isLocal() {
        return true;
      }

      @Override
      public String getId() {
        return leases.node();
      }
    };
    private final Consumer<Boolean> told = leading -> fireLeadershipChangedEvent(leading ? local : null);

    LeaseView(String namespace) {
      super(LeaseClusterService.this, namespace);
    }

    @Override
    protected void doStart() {
      leases.compete(getNamespace(), told);
    }

    @Override
    protected void doStop() {
      leases.withdraw(getNamespace(), told);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
      return local.isLeader() ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
      return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
      return List.of(local);
    }
  }
}
