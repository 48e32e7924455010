/**
 * The local artifact store: each output is a directory {@code HOME/artifacts/RUN/STEP/PORT/},
 * filled in {@code HOME/artifacts/.staging/RUN/}, content-hashed ({@link
 * io.recopipe.pipeline.artifacts.TreeHash}) and renamed into place atomically, so a crash never
 * leaves half an artifact under its final name.
 */
package io.recopipe.pipeline.artifacts;
