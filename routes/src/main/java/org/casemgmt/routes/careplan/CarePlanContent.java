package org.casemgmt.routes.careplan;

import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Identifier;

/**
 * A plan as stored, with what a copy of it at an EHR needs: its goals, and the business identifiers of every other
 * resource it refers to (the client above all), since the EHR knows none of this server's resource ids.
 *
 * @param plan the plan, with its id and version
 * @param goals the goals the plan lists, as stored
 * @param identifiers identifiers of the referenced resources, by reference ({@code Patient/12})
 */
public record CarePlanContent(CarePlan plan, List<Goal> goals, Map<String, List<Identifier>> identifiers) {
}
