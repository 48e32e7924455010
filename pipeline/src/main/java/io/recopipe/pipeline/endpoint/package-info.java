/**
 * The local endpoint's control-plane record: what each serving revision's admin journal says
 * happened (swaps, listens, stops, refused attempts, restarts) imported into the audit log.
 */
package io.recopipe.pipeline.endpoint;
