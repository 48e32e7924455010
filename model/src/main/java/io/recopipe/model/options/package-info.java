/**
 * Typed option descriptors ({@link io.recopipe.model.options.Option}) and the one reader that
 * parses and validates config text against them, so every config section reads its options the same
 * way and each option is declared once.
 */
package io.recopipe.model.options;
