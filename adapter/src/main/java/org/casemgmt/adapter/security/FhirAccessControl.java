package org.casemgmt.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casemgmt.adapter.storage.WritePipeline;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;

/**
 * Enforces each request's {@link AccessGrant} on the way in: the interaction on the type (every entry of a
 * transaction or batch), the operation, Subscriptions; and, as each resource is written, whose record it is. What
 * leaves the server is checked resource by resource by {@link ReleaseControl}, which is where searches, includes,
 * {@code $everything} and history are cut to what the grant reaches.
 */
@Interceptor
public class FhirAccessControl {
  /** Before the guide's profiles and the workflow's rules: a caller who may not write learns nothing of those. */
  static final int FIRST = -1000;
  private static final String GRANT = FhirAccessControl.class.getName() + ".grant";
  private static final String CLIENTS = FhirAccessControl.class.getName() + ".clients";
  /** The one reverse chain open to every caller: membership of a Group (see criteria). */
  private static final String GROUP_MEMBERSHIP = "_has:Group:member:_id";
  /** What chained searches may go into: records the release control never withholds for being Part 2. */
  private static final Set<String> DIRECTORY = new java.util.TreeSet<>(
      Set.of("Patient", "Practitioner", "PractitionerRole", "Organization", "Location", "Group"));

  private final Roles roles;
  private final ReachableClients reachable;
  private final SecurityProperties properties;
  private final FhirContext context;
  private final FhirTerser terser;

  FhirAccessControl(Roles roles, ReachableClients reachable, SecurityProperties properties, FhirContext context) {
    this.context = context;
    this.roles = roles;
    this.reachable = reachable;
    this.properties = properties;
    this.terser = context.newTerser();
  }

  /** The grant of a request coming through the API; empty for the service's own work (feeds, jobs). */
  public static Optional<AccessGrant> grant(RequestDetails request) {
    return request == null ? Optional.empty() : Optional.ofNullable((AccessGrant) request.getUserData().get(GRANT));
  }

  @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED, order = FIRST)
  void onRequest(RequestDetails request, RestOperationTypeEnum operation) {
    if (operation == RestOperationTypeEnum.METADATA) {
      return;
    }
    // A batch's entries run as sub-requests, on other threads than the token's: they carry the batch's grant.
    AccessGrant grant = grant(request).or(roles::current)
        .orElseThrow(() -> new AuthenticationException("A valid bearer token is required"));
    request.getUserData().put(GRANT, grant);
    String type = request.getResourceName();
    switch (operation) {
      case READ, VREAD, HISTORY_INSTANCE, META, GET_TAGS -> require(grant, type, Interaction.READ);
      case SEARCH_TYPE, HISTORY_TYPE -> {
        require(grant, type, Interaction.SEARCH);
        criteria(type, request.getParameters().keySet());
      }
      // Across types: each resource that would leave is checked on its own (ReleaseControl).
      case SEARCH_SYSTEM -> criteria(null, request.getParameters().keySet());
      case HISTORY_SYSTEM, GET_PAGE -> { }
      case CREATE -> write(grant, type, Interaction.CREATE);
      case UPDATE, PATCH -> write(grant, type, Interaction.UPDATE);
      case DELETE -> write(grant, type, Interaction.DELETE);
      case TRANSACTION, BATCH -> entries(grant, request.getResource());
      case VALIDATE -> operation(grant, "$validate");
      case META_ADD, ADD_TAGS -> {
        require(grant, type, Interaction.UPDATE);
        operation(grant, "$meta-add");
      }
      case META_DELETE, DELETE_TAGS -> operation(grant, "$meta-delete");
      case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE ->
          operation(grant, request.getOperation());
      case GRAPHQL_REQUEST -> operation(grant, "$graphql");
      default -> operation(grant, "$" + operation.getCode());
    }
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = WritePipeline.ACCESS)
  void beforeCreate(IBaseResource resource, RequestDetails request) {
    grant(request).ifPresent(grant -> {
      String type = context.getResourceType(resource);
      write(grant, type, Interaction.CREATE);
      kept(resource);
      subscriptionEndpoint(resource);
      reach(grant, Interaction.CREATE, resource, request);
    });
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = WritePipeline.ACCESS)
  void beforeUpdate(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    grant(request).ifPresent(grant -> {
      write(grant, context.getResourceType(resource), Interaction.UPDATE);
      kept(previous);
      kept(resource);
      subscriptionEndpoint(resource);
      reach(grant, Interaction.UPDATE, previous, request);
      reach(grant, Interaction.UPDATE, resource, request);
    });
  }

  @Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED, order = WritePipeline.ACCESS)
  void beforeDelete(IBaseResource resource, RequestDetails request) {
    grant(request).ifPresent(grant -> {
      write(grant, context.getResourceType(resource), Interaction.DELETE);
      kept(resource);
      reach(grant, Interaction.DELETE, resource, request);
    });
  }

  /**
   * The clients a resource is about ("Patient/12"): a Patient itself, the owners of its patient compartment, or a
   * Group's members (who is on whose caseload, who is in which program).
   */
  public Set<String> clientsOf(IBaseResource resource) {
    String type = context.getResourceType(resource);
    if ("Patient".equals(type)) {
      IIdType id = resource.getIdElement();
      return id.hasIdPart() ? Set.of("Patient/" + id.getIdPart()) : Set.of();
    }
    if (resource instanceof Group group) {
      return Caseloads.members(group);
    }
    if (!context.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty()) {
      // A compartment parameter may name other types too (a Coverage's payor, an Organization): not clients.
      List<IIdType> owners = terser.getCompartmentOwnersForResource("Patient", resource, Set.of());
      return owners.stream().filter(IIdType::hasIdPart)
          .filter(id -> !id.hasResourceType() || "Patient".equals(id.getResourceType()))
          .map(id -> "Patient/" + id.getIdPart()).collect(java.util.stream.Collectors.toSet());
    }
    return Set.of();
  }

  /**
   * The clients a resource is about, worked out once per request: the release control and the audit trail both ask
   * for every resource of an answer.
   */
  public Set<String> clientsOf(IBaseResource resource, RequestDetails request) {
    @SuppressWarnings("unchecked")
    Map<IBaseResource, Set<String>> known = (Map<IBaseResource, Set<String>>) request.getUserData()
        .computeIfAbsent(CLIENTS, key -> Collections.synchronizedMap(new IdentityHashMap<>()));
    return known.computeIfAbsent(resource, this::clientsOf);
  }

  private void reach(AccessGrant grant, Interaction interaction, IBaseResource resource, RequestDetails request) {
    String type = context.getResourceType(resource);
    Set<String> clients = clientsOf(resource);
    boolean newClient = "Patient".equals(type) && interaction == Interaction.CREATE;
    AccessGrant.Whose whose = grant.whose(type, interaction);
    Set<String> reach = reachable.of(grant, whose, request);
    if (reach != null && !newClient && !reach.containsAll(clients)) {
      throw forbidden("The record of this client is not open to " + grant.caller().subject() + " ("
          + grant.role().name() + ": " + whose.name().toLowerCase().replace('_', ' ') + ")");
    }
  }

  /** Whatever a partner EHR writes about a client (a new client included) opens that client's record to it. */
  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = WritePipeline.PARTNER_REACH)
  void created(IBaseResource resource, RequestDetails request) {
    partnerWrote(resource, request);
  }

  @Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = WritePipeline.PARTNER_REACH)
  void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    partnerWrote(resource, request);
  }

  private void partnerWrote(IBaseResource resource, RequestDetails request) {
    grant(request).filter(grant -> grant.role().clients() == Role.Clients.PARTNER).ifPresent(grant ->
        clientsOf(resource).forEach(client -> reachable.partnerReaches(grant.caller().clientId(), client)));
  }

  /**
   * Search criteria may look into other resources only where nothing is withheld: a chain into the directory and the
   * client (Patient, Practitioner, PractitionerRole, Organization, Location, Group), never a chain into clinical
   * records or a reverse chain ({@code _has}) other than membership of a Group, anywhere in the chain. Otherwise
   * which records match would tell what the release control withholds: {@code Patient?_has:Condition:subject:code=
   * F11.20}, or {@code Encounter?patient:Patient._has:Condition:subject:code=F11.20}, names the clients with a Part 2
   * diagnosis without returning one. Group membership tells no more than reading the Group ({@code Group?member=})
   * does, and lets a case manager ask for their caseload's records in one search
   * ({@code Encounter?patient:Patient._has:Group:member:_id=caseload-7}).
   */
  public void criteria(String type, java.util.Collection<String> parameters) {
    for (String name : parameters) {
      for (String link : name.split("\\.")) {
        if (link.startsWith("_has") && !link.equals(GROUP_MEMBERSHIP)) {
          throw forbidden("Reverse chaining (_has) is available for Group membership (" + GROUP_MEMBERSHIP
              + ") only: any other would reveal withheld records");
        }
      }
      int dot = name.indexOf('.');
      if (dot > 0 && !name.startsWith("_")) {
        String reference = name.substring(0, dot);
        Set<String> targets = chainTargets(type, reference);
        if (targets.isEmpty() || !DIRECTORY.containsAll(targets)) {
          throw forbidden("Chained search through " + reference + " is available into "
              + String.join(", ", DIRECTORY) + " only: a chain into clinical records would reveal withheld ones");
        }
      }
    }
  }

  /** The types a chain may go into: the explicit one ({@code subject:Patient}), or the parameter's targets. */
  private Set<String> chainTargets(String type, String reference) {
    String[] parts = reference.split(":", 2);
    if (parts.length == 2) {
      return Set.of(parts[1]);
    }
    if (type == null) {
      return Set.of();
    }
    ca.uhn.fhir.context.RuntimeSearchParam parameter = context.getResourceDefinition(type).getSearchParam(parts[0]);
    return parameter == null ? Set.of() : parameter.getTargets();
  }

  private void entries(AccessGrant grant, IBaseResource body) {
    if (!(body instanceof Bundle bundle)) {
      return;
    }
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Bundle.HTTPVerb verb = entry.getRequest().getMethod();
      String url = entry.getRequest().getUrl();
      String type = entry.hasResource() ? entry.getResource().fhirType() : typeOf(url);
      if (verb == null || type == null) {
        continue; // HAPI refuses the entry itself with its reason
      }
      if (url != null && url.contains("$")) {
        operation(grant, url.substring(url.indexOf('$'), url.contains("?") ? url.indexOf('?') : url.length()));
      }
      switch (verb) {
        case GET, HEAD -> require(grant, type, url == null || url.contains("?") || !url.contains("/")
            ? Interaction.SEARCH : Interaction.READ);
        case POST -> write(grant, type, Interaction.CREATE);
        case PUT, PATCH -> write(grant, type, Interaction.UPDATE);
        case DELETE -> write(grant, type, Interaction.DELETE);
        default -> throw forbidden("Transaction entries of method " + verb + " are not allowed");
      }
    }
  }

  private void write(AccessGrant grant, String type, Interaction interaction) {
    if ("AuditEvent".equals(type)) {
      throw forbidden("The audit trail is written by the service only");
    }
    if ("Subscription".equals(type) && !grant.role().subscriptions()) {
      throw forbidden("Subscriptions are created and changed by administrators only");
    }
    require(grant, type, interaction);
  }

  private static void require(AccessGrant grant, String type, Interaction interaction) {
    if (type == null || !grant.allows(type, interaction)) {
      throw forbidden("The token's scopes and role (" + grant.role().name() + ") do not allow "
          + interaction.name().toLowerCase() + " on " + (type == null ? "this endpoint" : type));
    }
  }

  private static void operation(AccessGrant grant, String name) {
    if (name == null || !grant.allowsOperation(name)) {
      throw forbidden("The role " + grant.role().name() + " may not invoke " + name);
    }
  }

  /**
   * Caseloads and programs' Groups follow CareTeams and episodes of care; written directly they would stop saying
   * whose clients are whose.
   */
  private static void kept(IBaseResource resource) {
    if (Caseloads.kept(resource)) {
      throw forbidden("Caseload and program Groups are kept by the service from CareTeams and EpisodeOfCare; change"
          + " those instead");
    }
  }

  /** A rest-hook may deliver only to the deployment's allow-list: the data it pushes leaves the service. */
  private void subscriptionEndpoint(IBaseResource resource) {
    if (resource instanceof Subscription subscription && subscription.getChannel().hasEndpoint()) {
      String endpoint = subscription.getChannel().getEndpoint();
      if (properties.subscriptionEndpoints().stream().noneMatch(endpoint::startsWith)) {
        throw forbidden("Subscription endpoints must be on the allow-list (adapter.security.subscription-endpoints)");
      }
    }
  }

  private static String typeOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String path = url.split("\\?", 2)[0];
    String first = path.split("/", 2)[0];
    return first.isEmpty() || first.startsWith("$") ? null : first;
  }

  public static ForbiddenOperationException forbidden(String reason) {
    OperationOutcome outcome = new OperationOutcome();
    outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.FORBIDDEN).setDiagnostics(reason);
    return new ForbiddenOperationException(reason, outcome);
  }
}
