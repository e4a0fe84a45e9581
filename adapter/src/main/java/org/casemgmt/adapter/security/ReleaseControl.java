package org.casemgmt.adapter.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.entity.SearchTypeEnum;
import ca.uhn.fhir.jpa.search.cache.ISearchCacheSvc;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.server.interceptor.consent.ConsentOutcome;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentContextServices;
import ca.uhn.fhir.rest.server.interceptor.consent.IConsentService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Decides, resource by resource, what leaves the server: every search match, {@code _include}d and
 * {@code _revinclude}d resource, page, history entry and {@code $everything} member passes here (HAPI's consent
 * hooks). A resource leaves only when the grant opens its type, matches the granular scope's search, is about
 * clients the grant reaches and, for Part 2 records, a consent permits it ({@link Part2Release}). What is withheld is
 * counted, and a search answer says how many in an OperationOutcome warning.
 *
 * <p>A read, an operation and history are checked before the resources are paged (a withheld read is not found).
 * Searches and their pages are checked as each page is shown instead: checking every match before paging made HAPI
 * load and parse each of them twice. A page may then hold fewer entries than asked for; the totals are never sent
 * (HAPI's consent interceptor clears them), so the count of what matched does not leak. A later page of a search is
 * checked as it is shown too, though HAPI names its request a page like any other: when HAPI goes on fetching a
 * search's matches to answer it, checking them first would load every match it fetches (past 2,003, up to 1,000,003,
 * in one transaction: paging 100,000 Coverages exhausted a 1 GB heap).
 */
@Interceptor
public class ReleaseControl implements IConsentService {
  private static final String WITHHELD = ReleaseControl.class.getName() + ".withheld";
  private static final String SEARCH_ANSWER = ReleaseControl.class.getName() + ".answer";
  private static final String PAGE_OF_SEARCH = ReleaseControl.class.getName() + ".pageOfSearch";
  private static final Set<RestOperationTypeEnum> SINGLE = Set.of(RestOperationTypeEnum.READ,
      RestOperationTypeEnum.VREAD, RestOperationTypeEnum.HISTORY_INSTANCE, RestOperationTypeEnum.CREATE,
      RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE,
      RestOperationTypeEnum.EXTENDED_OPERATION_TYPE, RestOperationTypeEnum.EXTENDED_OPERATION_SERVER);
  /** Searches: cut page by page as they are shown ({@link #withhold}), not before paging. */
  private static final Set<RestOperationTypeEnum> SEARCHES = Set.of(RestOperationTypeEnum.SEARCH_TYPE,
      RestOperationTypeEnum.SEARCH_SYSTEM);

  private final FhirAccessControl access;
  private final ReachableClients reachable;
  private final SearchParamMatcher matcher;
  private final Part2Release part2;
  private final FhirContext context;
  private final ISearchCacheSvc pagedSearches;

  ReleaseControl(FhirAccessControl access, ReachableClients reachable, SearchParamMatcher matcher, Part2Release part2,
      FhirContext context, ISearchCacheSvc pagedSearches) {
    this.access = access;
    this.reachable = reachable;
    this.matcher = matcher;
    this.part2 = part2;
    this.context = context;
    this.pagedSearches = pagedSearches;
  }

  @Override
  public boolean shouldProcessCanSeeResource(RequestDetails request, IConsentContextServices services) {
    return !SEARCHES.contains(request.getRestOperationType()) && !pageOfSearch(request);
  }

  /** Whether the request asks for a later page of a search (not of a history or an $everything). */
  private boolean pageOfSearch(RequestDetails request) {
    if (request.getRestOperationType() != RestOperationTypeEnum.GET_PAGE) {
      return false;
    }
    return (Boolean) request.getUserData().computeIfAbsent(PAGE_OF_SEARCH, key -> {
      String[] paged = request.getParameters().get(Constants.PARAM_PAGINGACTION);
      return paged != null && paged.length > 0
          && pagedSearches.fetchByUuid(paged[0], RequestPartitionId.allPartitions())
              .map(search -> search.getSearchType() == SearchTypeEnum.SEARCH).orElse(false);
    });
  }

  @Override
  public ConsentOutcome canSeeResource(RequestDetails request, IBaseResource resource,
      IConsentContextServices services) {
    return FhirAccessControl.grant(request)
        .map(grant -> released(grant, resource, request) ? ConsentOutcome.PROCEED : ConsentOutcome.REJECT)
        .orElse(ConsentOutcome.PROCEED);
  }

  @Override
  public ConsentOutcome willSeeResource(RequestDetails request, IBaseResource resource,
      IConsentContextServices services) {
    if (resource == request.getUserData().get(SEARCH_ANSWER)) {
      // Each of its entries was shown through withhold and this method already: HAPI need not walk it again.
      return ConsentOutcome.AUTHORIZED;
    }
    // Part 2 records that do leave carry the prohibition on redisclosure with them.
    return FhirAccessControl.grant(request).isPresent() && Part2Release.labelled(resource)
        ? new ConsentOutcome(ca.uhn.fhir.rest.server.interceptor.consent.ConsentOperationStatusEnum.PROCEED,
            part2.withRedisclosureNotice(resource))
        : ConsentOutcome.PROCEED;
  }

  /**
   * Takes what the grant does not release out of a page of a search before it is shown. Conditional
   * writes' matches pass here too, but under their write's operation: they are not cut, so a write never creates a
   * duplicate of a record the caller cannot see (the write is refused instead).
   */
  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  void withhold(RequestDetails request, IPreResourceShowDetails shown) {
    // A later page of a search was stored unchecked too. History is checked before paging (HAPI cannot show a
    // history page with a hole), so what reaches here on a history page is released already.
    if (request == null || !SEARCHES.contains(request.getRestOperationType())
        && request.getRestOperationType() != RestOperationTypeEnum.GET_PAGE) {
      return;
    }
    FhirAccessControl.grant(request).ifPresent(grant -> {
      for (int i = 0; i < shown.size(); i++) {
        IBaseResource resource = shown.getResource(i);
        if (resource != null && !released(grant, resource, request)) {
          shown.setResource(i, null);
        }
      }
    });
  }

  /** Marks the Bundle answering a search or a page of one, before HAPI's consent interceptor sees it. */
  @Hook(value = Pointcut.SERVER_OUTGOING_RESPONSE, order = FhirAccessControl.FIRST)
  void searchAnswered(RequestDetails request, ResponseDetails response) {
    if (response.getResponseResource() instanceof Bundle && (SEARCHES.contains(request.getRestOperationType())
        || request.getRestOperationType() == RestOperationTypeEnum.GET_PAGE)) {
      request.getUserData().put(SEARCH_ANSWER, response.getResponseResource());
    }
  }

  /** A search answer says how many resources it withheld, and quotes the Part 2 notice when it releases any. */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  void beforeAnswer(RequestDetails request, ResponseDetails response) {
    @SuppressWarnings("unchecked")
    Set<String> withheld = (Set<String>) request.getUserData().get(WITHHELD);
    if (response.getResponseResource() instanceof Bundle bundle && bundle.getType() != Bundle.BundleType.TRANSACTIONRESPONSE
        && bundle.getType() != Bundle.BundleType.BATCHRESPONSE) {
      OperationOutcome outcome = new OperationOutcome();
      if (withheld != null && !withheld.isEmpty()) {
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
            .setCode(OperationOutcome.IssueType.SUPPRESSED)
            .setDiagnostics(withheld.size() + " resource(s) withheld: outside the token's scopes, the caller's clients,"
                + " or Part 2 records without a consent for this recipient and purpose");
      }
      if (bundle.getEntry().stream()
          .anyMatch(entry -> entry.hasResource() && Part2Release.labelled(entry.getResource()))) {
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
            .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(Part2Release.REDISCLOSURE_NOTICE);
      }
      if (outcome.hasIssue()) {
        bundle.addEntry().setResource(outcome).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
      }
    }
  }

  /** Whether the resource leaves; one that does not is counted as withheld. */
  private boolean released(AccessGrant grant, IBaseResource resource, RequestDetails request) {
    if (releasable(grant, resource, request)) {
      return true;
    }
    withheld(request).add(resource.getIdElement().getValue());
    return false;
  }

  private boolean releasable(AccessGrant grant, IBaseResource resource, RequestDetails request) {
    String type = context.getResourceType(resource);
    if ("OperationOutcome".equals(type)) {
      return true;
    }
    Interaction interaction = SINGLE.contains(request.getRestOperationType()) ? Interaction.READ : Interaction.SEARCH;
    return grant.allows(type, interaction) && withinReach(grant, type, interaction, resource, request);
  }

  /**
   * Whether work done in bulk on the caller's behalf (an export, a measure, a Group's members) may carry this
   * resource: the rules of a search (granular scopes, the caller's clients, Part 2 consent), the role's exports
   * opening the type. The request only holds what is looked up once for the whole work.
   */
  public boolean releasableInBulk(AccessGrant grant, IBaseResource resource, RequestDetails request) {
    String type = context.getResourceType(resource);
    return grant.allowsExport(type) && withinReach(grant, type, Interaction.SEARCH, resource, request);
  }

  /** The resource as it is released: a Part 2 record with the prohibition on redisclosure among its labels. */
  public IBaseResource released(IBaseResource resource) {
    return Part2Release.labelled(resource) ? part2.withRedisclosureNotice(resource) : resource;
  }

  private boolean withinReach(AccessGrant grant, String type, Interaction interaction, IBaseResource resource,
      RequestDetails request) {
    List<String> filters = grant.filters(type, interaction);
    if (!filters.isEmpty() && filters.stream()
        .noneMatch(filter -> matcher.match(type + "?" + filter, resource, request).matched())) {
      return false;
    }
    Set<String> reach = reachable.of(grant, grant.whose(type, interaction), request);
    Set<String> clients = access.clientsOf(resource, request);
    if (reach != null && !reach.containsAll(clients)) {
      return false;
    }
    return !Part2Release.labelled(resource) || part2.permitted(grant, clients, request);
  }

  /** The versions withheld ("Encounter/5/_history/2"): a page may be shown more than once. */
  @SuppressWarnings("unchecked")
  private static Set<String> withheld(RequestDetails request) {
    return (Set<String>) request.getUserData().computeIfAbsent(WITHHELD, key -> ConcurrentHashMap.newKeySet());
  }
}
