package io.recopipe.components.readers;

import io.recopipe.model.data.Ratings;
import java.util.List;

/**
 * What reading one ratings file produced, with the counts the report needs.
 *
 * @param ratings the ratings, duplicates resolved
 * @param linesRead every line of the file, header and blank lines included
 * @param duplicatesResolved how many duplicate (user, item) rows were dropped
 * @param rejected the rows skipped under {@code max_bad_records}
 * @param timestamps whether the file has a timestamp column
 */
record RatingsReadResult(
    Ratings ratings,
    long linesRead,
    int duplicatesResolved,
    List<RejectedRow> rejected,
    boolean timestamps) {}
