import { ImageResponse } from "next/og";
import { AppIcon } from "@/components/app-icon";

const SIZES = [192, 512];

export const dynamicParams = false;
export const generateStaticParams = () => SIZES.map((size) => ({ size: `${size}.png` }));

/** The manifest's PNG icons (192 and 512 px, as Android asks), drawn at build time. */
export async function GET(_request: Request, { params }: { params: Promise<{ size: string }> }) {
  const size = Number((await params).size.replace(/\.png$/, ""));
  return new ImageResponse(<AppIcon size={size} rounded={false} />, { width: size, height: size });
}
