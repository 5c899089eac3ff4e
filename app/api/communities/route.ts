import { searchCommunitiesForSignUp } from '@/lib/server/org/public-communities'

// Public: the community picker of volunteer sign-up (administrative names only, see the DAL function).
export async function GET(req: Request) {
  const q = new URL(req.url).searchParams.get('q')
  return Response.json({ rows: await searchCommunitiesForSignUp(q) })
}
