package org.casemgmt.routes.ehr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The status of every configured source, in configuration order. */
@Component
public class EhrSourceStatuses {
  private final Map<String, EhrSourceStatus> statuses = new LinkedHashMap<>();

  EhrSourceStatuses(EhrSettings settings) {
    settings.sources().forEach(source -> statuses.put(source.id(), new EhrSourceStatus(source)));
  }

  public List<EhrSourceStatus.Snapshot> snapshots() {
    return statuses.values().stream().map(EhrSourceStatus::snapshot).toList();
  }

  public boolean isEmpty() {
    return statuses.isEmpty();
  }

  EhrSourceStatus of(String sourceId) {
    return statuses.get(sourceId);
  }
}
