package dev.versus.model;

/** A source for a code's facts: a title and an https URL to the exact section. */
public record Reference(String title, String url) {}
