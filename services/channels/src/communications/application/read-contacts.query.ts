import { Inject, Injectable } from '@nestjs/common';
import { Clock, type RequestContext } from '@salesos/http';
import { reachesDealer } from '../../core/dealer-reach';
import { DealerDirectory, DealerError, DealerErrorCode } from '../../dealers';
import { ContactLog } from './contact-log.port';

/** The lists of the communication log, as the caller may see them; "today" is the injected clock's day in UTC. */
@Injectable()
export class ReadContactsQuery {
  constructor(
    @Inject(ContactLog) private readonly log: ContactLog,
    @Inject(DealerDirectory) private readonly dealers: DealerDirectory,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** A dealer's contacts, newest first; a dealer that is not the caller's to see reads as not found. */
  async ofDealer(dealerId: string, caller: RequestContext, offset: number, limit: number) {
    const dealer = await this.dealers.dealer(caller.divisionId, dealerId);
    if (dealer === undefined || !reachesDealer(caller, dealerId)) {
      throw new DealerError(DealerErrorCode.NotFound, `There is no dealer '${dealerId}' in your division`);
    }
    return this.log.ofDealer(caller.divisionId, dealerId, offset, limit);
  }

  overdue(caller: RequestContext, today: string | undefined, offset: number, limit: number) {
    return this.log.overdue(caller.divisionId, today ?? this.today(), offset, limit);
  }

  silent(caller: RequestContext, days: number, today: string | undefined, offset: number, limit: number) {
    return this.log.silent(caller.divisionId, today ?? this.today(), days, offset, limit);
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}
