import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { networkQuery } from './NetworkHome';

/** useNetworkWithOrganisations loads a network and the organisations of its workplace. */
export function useNetworkWithOrganisations(networkId: string) {
  const network = useQuery(networkQuery(networkId));
  const workplaceId = network.data?.workplace_id;
  const organisations = useQuery({
    queryKey: ['workplace', workplaceId, 'organisations'],
    queryFn: () =>
      call(
        api.GET('/api/v1/workplaces/{workplace}/organisations', {
          params: { path: { workplace: workplaceId ?? '' }, query: { limit: 200 } },
        }),
      ),
    enabled: Boolean(workplaceId),
  });
  return { network, organisations: organisations.data?.items ?? [] };
}
