package org.casemgmt.adapter.reporting.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.MatchUrlService;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.casemgmt.adapter.fhirserver.FhirOperation;
import org.casemgmt.adapter.reporting.export.ExportRequest.Level;
import org.casemgmt.adapter.security.AccessGrant;
import org.casemgmt.adapter.security.Caller;
import org.casemgmt.adapter.security.FhirAccessControl;
import org.casemgmt.adapter.security.GroupMembers;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Bulk Data Access's kick-off ({@code $export} of the whole store, of every client ({@code Patient/$export}) or of a
 * Group's members ({@code Group/{id}/$export})): checks what is asked against the caller's grant, queues the export
 * and answers 202 with the status URL ({@link ExportStatus}). The export runs later ({@link ExportRunner}) under the
 * same grant, so it carries exactly what the caller's searches would return.
 */
@Component
public class ExportKickOff implements FhirOperation {
  private static final String BULK = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/";
  private static final Set<String> NDJSON = Set.of("application/fhir+ndjson", "application/ndjson", "ndjson");
  /** Where one type's query ends and the next begins in a comma-separated _typeFilter. */
  private static final Pattern NEXT_FILTER = Pattern.compile(",(?=[A-Z][A-Za-z]+\\?)");
  private static final Pattern FILTER = Pattern.compile("([A-Z][A-Za-z]+)\\?(.+)");
  /** Search controls that make no sense in a filter; the window is _since and _until. */
  private static final Set<String> NOT_FILTERS = Set.of("_include", "_revinclude", "_sort", "_count", "_summary",
      "_elements", "_total", "_contained", "_containedType", "_lastUpdated", "_offset");

  private final ExportJobs jobs;
  private final DaoRegistry daos;
  private final FhirContext context;
  private final MatchUrlService matchUrls;
  private final GroupMembers groupMembers;
  private final ObjectProvider<FhirAccessControl> access;

  ExportKickOff(ExportJobs jobs, DaoRegistry daos, FhirContext context, MatchUrlService matchUrls,
      GroupMembers groupMembers, ObjectProvider<FhirAccessControl> access) {
    this.jobs = jobs;
    this.daos = daos;
    this.context = context;
    this.matchUrls = matchUrls;
    this.groupMembers = groupMembers;
    this.access = access;
  }

  @Operation(name = "$export", manualResponse = true, idempotent = true, canonicalUrl = BULK + "export")
  @Description(shortDefinition = "Export the store's data the caller may see as NDJSON files (FHIR Bulk Data)")
  public void exportSystem(
      @OperationParam(name = "_outputFormat", typeName = "string", max = 1) IPrimitiveType<String> outputFormat,
      @OperationParam(name = "_type", typeName = "string", max = OperationParam.MAX_UNLIMITED)
      List<IPrimitiveType<String>> type,
      @OperationParam(name = "_since", typeName = "instant", max = 1) IPrimitiveType<Date> since,
      @OperationParam(name = "_until", typeName = "instant", max = 1) IPrimitiveType<Date> until,
      @OperationParam(name = "_typeFilter", typeName = "string", max = OperationParam.MAX_UNLIMITED)
      List<IPrimitiveType<String>> typeFilter,
      ServletRequestDetails request) {
    kickOff(Level.SYSTEM, null, outputFormat, type, since, until, typeFilter, request);
  }

  @Operation(name = "$export", typeName = "Patient", manualResponse = true, idempotent = true,
      canonicalUrl = BULK + "patient-export")
  @Description(shortDefinition = "Export every client's data the caller may see as NDJSON files (FHIR Bulk Data)")
  public void exportPatients(
      @OperationParam(name = "_outputFormat", typeName = "string", max = 1) IPrimitiveType<String> outputFormat,
      @OperationParam(name = "_type", typeName = "string", max = OperationParam.MAX_UNLIMITED)
      List<IPrimitiveType<String>> type,
      @OperationParam(name = "_since", typeName = "instant", max = 1) IPrimitiveType<Date> since,
      @OperationParam(name = "_until", typeName = "instant", max = 1) IPrimitiveType<Date> until,
      @OperationParam(name = "_typeFilter", typeName = "string", max = OperationParam.MAX_UNLIMITED)
      List<IPrimitiveType<String>> typeFilter,
      ServletRequestDetails request) {
    kickOff(Level.PATIENT, null, outputFormat, type, since, until, typeFilter, request);
  }

  @Operation(name = "$export", typeName = "Group", manualResponse = true, idempotent = true,
      canonicalUrl = BULK + "group-export")
  @Description(shortDefinition = "Export the data of a Group's members (a caseload, a program's clients) as NDJSON"
      + " files (FHIR Bulk Data)")
  public void exportGroup(
      @IdParam IIdType group,
      @OperationParam(name = "_outputFormat", typeName = "string", max = 1) IPrimitiveType<String> outputFormat,
      @OperationParam(name = "_type", typeName = "string", max = OperationParam.MAX_UNLIMITED)
      List<IPrimitiveType<String>> type,
      @OperationParam(name = "_since", typeName = "instant", max = 1) IPrimitiveType<Date> since,
      @OperationParam(name = "_until", typeName = "instant", max = 1) IPrimitiveType<Date> until,
      @OperationParam(name = "_typeFilter", typeName = "string", max = OperationParam.MAX_UNLIMITED)
      List<IPrimitiveType<String>> typeFilter,
      ServletRequestDetails request) {
    kickOff(Level.GROUP, group.getIdPart(), outputFormat, type, since, until, typeFilter, request);
  }

  private void kickOff(Level level, String group, IPrimitiveType<String> outputFormat,
      List<IPrimitiveType<String>> type, IPrimitiveType<Date> since, IPrimitiveType<Date> until,
      List<IPrimitiveType<String>> typeFilter, ServletRequestDetails request) {
    String prefer = request.getHeader("Prefer");
    if (prefer == null || !prefer.contains("respond-async")) {
      throw new InvalidRequestException("A bulk export is asynchronous: send the header Prefer: respond-async");
    }
    if (outputFormat != null && outputFormat.getValue() != null && !NDJSON.contains(outputFormat.getValue())) {
      throw new InvalidRequestException("_outputFormat " + outputFormat.getValue() + " is not supported; the format is"
          + " application/fhir+ndjson");
    }
    for (String unsupported : List.of("_elements", "patient", "includeAssociatedData", "organizeOutputBy")) {
      if (request.getParameters().containsKey(unsupported)) {
        throw new InvalidRequestException("The parameter " + unsupported + " is not supported by this server");
      }
    }
    Optional<AccessGrant> grant = FhirAccessControl.grant(request);
    if (level == Level.GROUP) {
      groupMembers.visibleMembers(group, grant);
    }
    List<String> types = types(level, values(type), grant);
    Map<String, List<String>> filters = filters(values(typeFilter), types);
    ExportRequest export = new ExportRequest(level, group, types, instant(since), instant(until), filters);
    String id = jobs.submit(Caller.current().orElse(null), export, request.getCompleteUrl());
    ExportStatus.accepted(request, request.getFhirServerBase() + "/$export-poll-status?_jobId=" + id);
  }

  /**
   * The types asked for, each served and exportable by the caller; all such types when none is named (the audit
   * trail only when named). Client-level exports carry the types whose records name their client.
   */
  private List<String> types(Level level, List<String> named, Optional<AccessGrant> grant) {
    Set<String> asked = new TreeSet<>();
    named.forEach(value -> List.of(value.split(",")).stream().map(String::trim).filter(t -> !t.isEmpty())
        .forEach(asked::add));
    for (String type : asked) {
      if (!context.getResourceTypes().contains(type) || !daos.isResourceTypeSupported(type)) {
        throw new InvalidRequestException("_type names " + type + ", which is not a resource type this server serves");
      }
      if (grant.isPresent() && !grant.get().allowsExport(type)) {
        throw FhirAccessControl.forbidden("The token's scopes and role (" + grant.get().role().name()
            + ") do not allow exporting " + type);
      }
      if (level != Level.SYSTEM && !groupMembers.covers(type)) {
        throw new InvalidRequestException("_type names " + type + ", whose records do not name a client: a Patient"
            + " or Group export carries the Patient compartment's types");
      }
    }
    if (!asked.isEmpty()) {
      return List.copyOf(asked);
    }
    return context.getResourceTypes().stream().sorted()
        .filter(daos::isResourceTypeSupported)
        .filter(t -> !"AuditEvent".equals(t))
        .filter(t -> grant.isEmpty() || grant.get().allowsExport(t))
        .filter(t -> level == Level.SYSTEM || groupMembers.covers(t))
        .toList();
  }

  /** Each type's searches: {@code Condition?code=F20.0}; several values, or comma-separated ones, add up. */
  private Map<String, List<String>> filters(List<String> values, List<String> types) {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String value : values) {
      for (String filter : NEXT_FILTER.split(value)) {
        Matcher parts = FILTER.matcher(filter.trim());
        if (!parts.matches()) {
          throw new InvalidRequestException("_typeFilter '" + filter + "' is not a search: Type?parameter=value");
        }
        String type = parts.group(1);
        if (!types.contains(type)) {
          throw new InvalidRequestException("_typeFilter names " + type + ", which this export does not carry");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : parts.group(2).split("&")) {
          parameters.computeIfAbsent(pair.split("=", 2)[0], key -> new ArrayList<>()).add(pair);
        }
        for (String name : parameters.keySet()) {
          if (NOT_FILTERS.contains(name)) {
            throw new InvalidRequestException("_typeFilter may not use " + name
                + (name.equals("_lastUpdated") ? ": the window is _since and _until" : ""));
          }
        }
        access.ifAvailable(control -> control.criteria(type, parameters.keySet()));
        try {
          matchUrls.translateMatchUrl(filter.trim(), context.getResourceDefinition(type));
        } catch (RuntimeException e) {
          throw new InvalidRequestException("_typeFilter '" + filter + "' is not a search this server can run: "
              + e.getMessage());
        }
        filters.computeIfAbsent(type, key -> new ArrayList<>()).add(filter.trim());
      }
    }
    return filters;
  }

  private static List<String> values(List<IPrimitiveType<String>> parameters) {
    return parameters == null ? List.of() : parameters.stream().map(IPrimitiveType::getValue)
        .filter(v -> v != null && !v.isBlank()).toList();
  }

  private static Instant instant(IPrimitiveType<Date> value) {
    return value == null || value.getValue() == null ? null : value.getValue().toInstant();
  }
}
