/** Where recopipe keeps its state: {@link io.recopipe.pipeline.home.RecopipeHome}. */
package io.recopipe.pipeline.home;
