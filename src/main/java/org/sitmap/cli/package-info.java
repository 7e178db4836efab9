/** The {@code sitmap} command line (picocli); runs without a display. */
package org.sitmap.cli;
