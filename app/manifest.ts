import type { MetadataRoute } from "next";

/** Lets a phone install the site on its home screen, opening like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Community Messages",
    short_name: "Messages",
    description: "Find members of the community and talk to them directly.",
    start_url: "/messaging/",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#047857",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
