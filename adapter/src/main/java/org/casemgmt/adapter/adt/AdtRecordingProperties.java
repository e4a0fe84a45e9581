package org.casemgmt.adapter.adt;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the ADT feed treats what senders get wrong in good faith (config/adt-mapping.yml, {@code adapter.adt.*}).
 *
 * @param reusedControlId a message whose sender and control id (MSH-10) match an earlier message's but whose content
 *     differs (a sender's counter reset, a second system behind one interface engine): PROCESS records it as the new
 *     message it is (the default); REFUSE answers AR 205 naming the conflict, for a site that wants senders to fix
 *     their numbering. Either way it is never acknowledged and dropped.
 * @param completeDiagnosisLists events whose DG1s are the stay's whole diagnosis list (A08, "update patient
 *     information", replaces it): a diagnosis of the stay such a message leaves out, when it lists any, is withdrawn.
 *     Other events (A01, A03...) add to the list and move diagnoses on; they withdraw none.
 */
@ConfigurationProperties("adapter.adt")
record AdtRecordingProperties(ControlIdReuse reusedControlId, List<String> completeDiagnosisLists) {

  enum ControlIdReuse { PROCESS, REFUSE }

  AdtRecordingProperties {
    reusedControlId = reusedControlId == null ? ControlIdReuse.PROCESS : reusedControlId;
    completeDiagnosisLists = completeDiagnosisLists == null ? List.of("A08") : List.copyOf(completeDiagnosisLists);
  }
}
