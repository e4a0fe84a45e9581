package org.casemgmt.adapter.fhirserver;

/**
 * A FHIR operation the adapter adds to HAPI's ({@code $everything} and the like come with HAPI): a HAPI plain
 * provider with one {@code @Operation} method, one per file in the feature it belongs to. Every Spring bean of this
 * type is registered with the FHIR server, which publishes its OperationDefinition from the annotations.
 */
public interface FhirOperation {
}
