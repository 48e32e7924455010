package io.recopipe.infra.cloudrun;

import com.google.api.gax.longrunning.OperationFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.run.v2.ListRevisionsRequest;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.RevisionsClient;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.ServiceName;
import com.google.cloud.run.v2.ServicesClient;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import io.recopipe.components.api.ComponentException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * One Cloud Run service seen through {@link ServicesClient}: get, create, update (waiting for the
 * operation), reading its IAM policy (never writing it: Terraform owns the bindings) and listing
 * its revisions ({@link RevisionsClient}), with every Google error turned into one line naming the
 * service and the call.
 */
final class CloudRunServices {
  private final ServicesClient client;
  private final RevisionsClient revisions;
  private final ServiceName name;

  CloudRunServices(CloudRunClients clients, ServiceName name) {
    this.client = clients.services();
    this.revisions = clients.revisions();
    this.name = name;
  }

  /** {@code projects/P/locations/L/services/S}. */
  String name() {
    return name.toString();
  }

  /** The service, or null when it does not exist yet. */
  Service find() throws ComponentException {
    try {
      return client.getService(name);
    } catch (NotFoundException e) {
      return null;
    } catch (ApiException e) {
      throw failure("read", e);
    }
  }

  /** Creates the service from {@code service} and waits for it. */
  Service create(Service service) throws ComponentException {
    return await(
        "create",
        client.createServiceAsync(
            LocationName.of(name.getProject(), name.getLocation()), service, name.getService()));
  }

  /** Updates the service to {@code service} (its name is set here) and waits for it. */
  Service update(Service service) throws ComponentException {
    return await("update", client.updateServiceAsync(service.toBuilder().setName(name()).build()));
  }

  /** The service's IAM policy. */
  Policy policy() throws ComponentException {
    try {
      return client.getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(name()).build());
    } catch (ApiException e) {
      throw failure("read the IAM policy of", e);
    }
  }

  /**
   * Every revision of the service that is not deleted, newest first as Cloud Run lists them
   * (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services.revisions/list).
   */
  List<Revision> revisions() throws ComponentException {
    List<Revision> all = new ArrayList<>();
    try {
      revisions
          .listRevisions(ListRevisionsRequest.newBuilder().setParent(name()).build())
          .iterateAll()
          .forEach(all::add);
    } catch (ApiException e) {
      throw failure("list the revisions of", e);
    }
    return all;
  }

  private Service await(String verb, OperationFuture<Service, Service> operation)
      throws ComponentException {
    try {
      return operation.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComponentException(
          "deploy: interrupted while waiting to " + verb + " Cloud Run" + " service " + name(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw failure(verb, cause);
    } catch (ApiException e) {
      throw failure(verb, e);
    }
  }

  private ComponentException failure(String verb, Throwable cause) {
    String why =
        cause instanceof ApiException api
            ? api.getStatusCode().getCode() + ": " + firstLine(api.getMessage())
            : cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
    return new ComponentException(
        "deploy: cannot " + verb + " Cloud Run service " + name() + ": " + why, cause);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
