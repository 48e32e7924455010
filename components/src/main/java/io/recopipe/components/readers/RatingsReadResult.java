package io.recopipe.components.readers;

import io.recopipe.model.data.Ratings;

/**
 * What reading one ratings file produced, with the counts the report needs.
 *
 * @param ratings the ratings, duplicates resolved
 * @param linesRead every line of the file, header and blank lines included
 * @param duplicatesResolved how many duplicate (user, item) rows were dropped
 */
record RatingsReadResult(Ratings ratings, long linesRead, int duplicatesResolved) {
}
