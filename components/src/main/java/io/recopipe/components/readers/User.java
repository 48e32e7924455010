package io.recopipe.components.readers;

/**
 * One entry of a MovieLens users file, kept so that evaluation can be sliced by demographics.
 *
 * @param id the user id as it appears in the ratings
 * @param age the age in years (100K) or the age-range code (1M: 1, 18, 25, 35, 45, 50, 56)
 * @param gender {@code M} or {@code F}
 * @param occupation the occupation name (1M codes are translated with the data set's README)
 * @param zipCode the zip code as written
 */
public record User(String id, int age, String gender, String occupation, String zipCode) {}
