package org.casemgmt.adapter.reporting.export;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import org.casemgmt.adapter.fhirserver.FhirOperation;
import org.casemgmt.adapter.security.Caller;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;

/**
 * Bulk Data's status endpoint and files, for the caller who started the export only (anyone else gets 404): while
 * it runs, 202 with its progress; once complete, 200 with the manifest (its files' URLs, which need the same token);
 * if it failed, 500 with the reason; DELETE forgets it and removes its files.
 */
@Component
public class ExportStatus implements FhirOperation {
  private static final String NDJSON = "application/fhir+ndjson";

  private final ExportJobs jobs;
  private final ExportProperties properties;
  private final ObjectMapper json;
  private final FhirContext context;

  ExportStatus(ExportJobs jobs, ExportProperties properties, ObjectMapper json, FhirContext context) {
    this.jobs = jobs;
    this.properties = properties;
    this.json = json;
    this.context = context;
  }

  @Operation(name = "$export-poll-status", manualResponse = true, idempotent = true, deleteEnabled = true)
  public void pollStatus(
      @OperationParam(name = "_jobId", typeName = "string", min = 1, max = 1) IPrimitiveType<String> jobId,
      ServletRequestDetails request) throws IOException {
    ExportJob job = job(jobId);
    HttpServletResponse response = request.getServletResponse();
    if (request.getRequestType() == RequestTypeEnum.DELETE) {
      jobs.delete(job.id());
      ExportFiles.delete(properties.directory(), job.id());
      accepted(request, null);
      return;
    }
    switch (job.status()) {
      case QUEUED, RUNNING -> {
        response.setStatus(202);
        response.setHeader("X-Progress", job.status() == ExportJob.Status.QUEUED ? "queued"
            : job.progress() == null ? "started" : job.progress());
        response.setHeader("Retry-After", "2");
      }
      case FAILED -> outcome(response, 500, OperationOutcome.IssueSeverity.ERROR,
          OperationOutcome.IssueType.EXCEPTION, job.error());
      case COMPLETE -> {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Expires", DateTimeFormatter.RFC_1123_DATE_TIME.format(
            job.finishedAt().plus(properties.retention()).atOffset(ZoneOffset.UTC)));
        response.getOutputStream().write(json.writeValueAsBytes(manifest(job, request.getFhirServerBase())));
      }
      default -> throw new IllegalStateException(job.status().name());
    }
  }

  @Operation(name = "$export-file", manualResponse = true, idempotent = true)
  public void file(
      @OperationParam(name = "_jobId", typeName = "string", min = 1, max = 1) IPrimitiveType<String> jobId,
      @OperationParam(name = "file", typeName = "integer", min = 1, max = 1) IPrimitiveType<Integer> number,
      ServletRequestDetails request) throws IOException {
    ExportJob job = job(jobId);
    Path file = ExportFiles.file(properties.directory(), job.id(), number.getValue());
    if (job.status() != ExportJob.Status.COMPLETE || files(job).stream().noneMatch(f -> f.number() == number.getValue())
        || !Files.exists(file)) {
      throw new ResourceNotFoundException("Export " + job.id() + " has no file " + number.getValue());
    }
    HttpServletResponse response = request.getServletResponse();
    response.setStatus(200);
    response.setContentType(NDJSON);
    response.setContentLengthLong(Files.size(file));
    Files.copy(file, response.getOutputStream());
  }

  /** Bulk Data's kick-off and delete answer: 202, the status URL (kick-off) and an informational outcome. */
  static void accepted(ServletRequestDetails request, String statusUrl) {
    HttpServletResponse response = request.getServletResponse();
    if (statusUrl != null) {
      response.setHeader("Content-Location", statusUrl);
    }
    outcome(request.getFhirContext(), response, 202, OperationOutcome.IssueSeverity.INFORMATION,
        OperationOutcome.IssueType.INFORMATIONAL, statusUrl != null ? "Export queued; poll " + statusUrl
            : "Export deleted, with its files");
  }

  private void outcome(HttpServletResponse response, int status, OperationOutcome.IssueSeverity severity,
      OperationOutcome.IssueType code, String diagnostics) {
    outcome(context, response, status, severity, code, diagnostics);
  }

  private static void outcome(FhirContext context, HttpServletResponse response, int status,
      OperationOutcome.IssueSeverity severity, OperationOutcome.IssueType code, String diagnostics) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(severity).setCode(code).setDiagnostics(diagnostics);
    response.setStatus(status);
    response.setContentType("application/fhir+json");
    try {
      response.getOutputStream().write(context.newJsonParser().encodeResourceToString(outcome)
          .getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ExportJob job(IPrimitiveType<String> jobId) {
    if (jobId == null || jobId.getValue() == null || jobId.getValue().isBlank()) {
      throw new InvalidRequestException("The parameter _jobId is required");
    }
    return jobs.find(jobId.getValue(), Caller.current().orElse(null))
        .orElseThrow(() -> new ResourceNotFoundException("No export " + jobId.getValue()));
  }

  private List<ExportFiles.File> files(ExportJob job) throws IOException {
    return json.readValue(job.files(), new TypeReference<List<ExportFiles.File>>() {});
  }

  /** Bulk Data's complete-status body: the data files under output, the OperationOutcomes under error. */
  private ObjectNode manifest(ExportJob job, String base) throws IOException {
    ObjectNode manifest = json.createObjectNode();
    manifest.put("transactionTime", job.transactionTime().toString());
    manifest.put("request", job.requestUrl());
    manifest.put("requiresAccessToken", true);
    ArrayNode output = manifest.putArray("output");
    ArrayNode error = manifest.putArray("error");
    for (ExportFiles.File file : files(job)) {
      ObjectNode item = ("OperationOutcome".equals(file.type()) ? error : output).addObject();
      item.put("type", file.type());
      item.put("url", base + "/$export-file?_jobId=" + job.id() + "&file=" + file.number());
      item.put("count", file.count());
    }
    return manifest;
  }
}
