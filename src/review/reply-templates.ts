// Templates of a clerk's reply to the customer when rejecting; the clerk edits the text before sending.
import { SIGNATURE } from '../reply/render-reply.js';

export interface ReplyTemplate {
  id: string;
  title: string;
  body: string;
}

const wrap = (lines: string[]): string => ['Здравствуйте!', '', ...lines, '', ...SIGNATURE].join('\n');

export const REJECT_TEMPLATES: readonly ReplyTemplate[] = [
  {
    id: 'no_account', title: 'Не указан или не найден лицевой счёт',
    body: wrap(['Мы не смогли принять показания: в письме не указан лицевой счёт или он не найден.',
      'Пожалуйста, пришлите показания ещё раз, указав номер лицевого счёта и номер прибора учёта.']),
  },
  {
    id: 'unclear_values', title: 'Показания неразборчивы или неполны',
    body: wrap(['Мы не смогли принять показания: значения в письме неполные или читаются неоднозначно.',
      'Пожалуйста, пришлите показания ещё раз: номер лицевого счёта, номер прибора и значения по каждой тарифной зоне.']),
  },
  {
    id: 'photo_unreadable', title: 'Фото счётчика неразборчиво',
    body: wrap(['На приложенном фото не удалось разобрать показания прибора учёта.',
      'Пожалуйста, пришлите показания текстом или более чёткое фото, на котором видны все цифры и номер прибора.']),
  },
  {
    id: 'decreased', title: 'Показание меньше предыдущего',
    body: wrap(['Переданное показание меньше ранее принятого, поэтому мы не можем его принять.',
      'Пожалуйста, проверьте значение и пришлите его ещё раз. Если прибор учёта заменён, сообщите об этом.']),
  },
  {
    id: 'outside_window', title: 'Вне периода приёма',
    body: wrap(['Показания принимаются с 20 по 25 число каждого месяца.', 'Пожалуйста, передайте их в следующий период приёма.']),
  },
];

export const templateById = (id: string): ReplyTemplate | undefined => REJECT_TEMPLATES.find((t) => t.id === id);
