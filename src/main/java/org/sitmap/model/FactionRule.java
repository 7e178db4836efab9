package org.sitmap.model;

/**
 * How {@link FilterSpec#factions()} selects incidents. {@link #ANY}: an incident passes when any of its actors'
 * factions is listed (the {@code query}/{@code export} command line's meaning). {@link #PRIMARY}: it passes when its
 * primary faction (the first actor's, the colour it is drawn and stacked in) is listed — the window's meaning, so
 * switching a faction off removes every incident drawn in its colour, and "only X" keeps exactly X's colour.
 *
 * <p>Each layer implements it once, fed from the {@link FilterSpec}: the in-memory index's masks
 * ({@code index.IndexFilter}) and the store's SQL ({@code store.QuerySql}).
 */
public enum FactionRule { ANY, PRIMARY }
