/**
 * The default store and its seed: opens the store the user named, or the default one, which is built on first use
 * by importing the incident files shipped on the class path. It sits above {@code store} and {@code ingest} so
 * that the store itself reads no input formats; the command line and the window open stores through it.
 */
package org.sitmap.seed;
