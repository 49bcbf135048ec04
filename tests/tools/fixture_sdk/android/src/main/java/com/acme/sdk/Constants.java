package com.acme.sdk;

public final class Constants {
  public static final String TAG = "AcmeSDK";
  public static final String TAG_PREFIX = "Acme";

  private Constants() {}
}
